package dev.storefrontsession.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The library name and version for the {@code User-Agent} header, from a resource filtered at build
 * time.
 */
public final class LibraryVersion {

  public static final String NAME = "storefront-session-bigcommerce-client";
  public static final String VERSION = load();

  private LibraryVersion() {}

  /** e.g. {@code storefront-session-bigcommerce-client/0.1.0 (Java 17.0.15)}. */
  public static String userAgent() {
    return NAME + "/" + VERSION + " (Java " + System.getProperty("java.version", "unknown") + ")";
  }

  private static String load() {
    try (InputStream in =
        LibraryVersion.class.getResourceAsStream(
            "/dev/storefrontsession/client/client.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
