package dev.storefrontsession.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real storefront, run as it is deployed: {@code java -jar storefront.jar} in its own process,
 * configured by environment variables (Catalyst's names), on a free loopback port. Its whole
 * console output is kept for log scanning. The jar is the {@code storefront} artifact on the test
 * class path (found by its {@code Start-Class}).
 */
final class StorefrontProcess implements AutoCloseable {

  static final String START_CLASS = "dev.storefrontsession.storefront.StorefrontApplication";
  private static final Pattern READY =
      Pattern.compile("Storefront ready: http://localhost:(\\d+)/");

  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final URI baseUri;

  /** Start-up is mostly JIT work: the C1 compiler alone halves it for the short tests. */
  static final List<String> QUICK_START_JVM =
      List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** For load: the full JIT, so the server's steady state is what is measured. */
  static final List<String> LOAD_JVM = List.of("-Xmx512m", "-XX:+UseParallelGC");

  /**
   * Drops the settings a storefront would read from this JVM's environment ({@code AUTH_*}, {@code
   * NEXTAUTH_*}, {@code BIGCOMMERCE_*}, {@code SANDBOX_*}, {@code STOREFRONT_*}), so a test's
   * process gets only what the test gives it.
   */
  static ProcessBuilder withoutInheritedSettings(ProcessBuilder builder) {
    builder
        .environment()
        .keySet()
        .removeIf(
            k ->
                k.startsWith("AUTH_")
                    || k.startsWith("NEXTAUTH_")
                    || k.startsWith("BIGCOMMERCE_")
                    || k.startsWith("SANDBOX_")
                    || k.startsWith("STOREFRONT_"));
    return builder;
  }

  private StorefrontProcess(Map<String, String> env, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-jar", jar().toString(), "--server.port=0", "--storefront.sandbox.mode=never"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    StorefrontProcess.withoutInheritedSettings(builder);
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long started = System.nanoTime();
    CountDownLatch ready = new CountDownLatch(1);
    int[] port = {0};
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.append(line).append('\n');
                  Matcher m = READY.matcher(line);
                  if (m.find()) {
                    port[0] = Integer.parseInt(m.group(1));
                    ready.countDown();
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              } finally {
                ready.countDown();
              }
            },
            "storefront-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(180, TimeUnit.SECONDS) || port[0] == 0) {
        process.destroyForcibly();
        throw new IllegalStateException("the storefront did not start:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    baseUri = URI.create("http://127.0.0.1:" + port[0]);
    Figures.print("storefront.process_start_ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** Starts the storefront against a store; blocks until it serves. */
  static StorefrontProcess start(
      SandboxFixture store,
      URI graphqlEndpoint,
      String authSecret,
      Map<String, String> moreEnv,
      String... args) {
    return start(store, graphqlEndpoint, authSecret, moreEnv, QUICK_START_JVM, args);
  }

  static StorefrontProcess start(
      SandboxFixture store,
      URI graphqlEndpoint,
      String authSecret,
      Map<String, String> moreEnv,
      List<String> jvmOptions,
      String... args) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AUTH_SECRET", authSecret);
    env.put("BIGCOMMERCE_GRAPHQL_ENDPOINT", graphqlEndpoint.toString());
    env.put("BIGCOMMERCE_STORE_HASH", store.settings().storeHash());
    env.put("BIGCOMMERCE_CHANNEL_ID", String.valueOf(store.settings().channelId()));
    env.put("BIGCOMMERCE_STOREFRONT_TOKEN", store.settings().storefrontToken());
    env.put("BIGCOMMERCE_CLIENT_ID", store.settings().clientId());
    env.put("BIGCOMMERCE_CLIENT_SECRET", store.settings().clientSecret());
    store
        .settings()
        .trustedProxySecret()
        .ifPresent(secret -> env.put("BIGCOMMERCE_TRUSTED_PROXY_SECRET", secret));
    env.putAll(moreEnv);
    return new StorefrontProcess(env, jvmOptions, List.of(args));
  }

  URI baseUri() {
    return baseUri;
  }

  int port() {
    return baseUri.getPort();
  }

  /** CPU time the storefront process has used so far. */
  java.time.Duration cpu() {
    return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
  }

  /** Everything the process printed so far (stdout and stderr). */
  String output() {
    return output.toString();
  }

  /** A logged error or a stack trace line. */
  static boolean isErrorLine(String line) {
    return line.contains(" ERROR ")
        || line.startsWith("\tat ")
        || line.startsWith("Caused by:")
        || line.matches("^[\\w.$]+(Exception|Error)(: .*)?$");
  }

  static Path jar() {
    try {
      Enumeration<URL> manifests =
          ClassLoader.getSystemClassLoader().getResources("META-INF/MANIFEST.MF");
      while (manifests.hasMoreElements()) {
        URL url = manifests.nextElement();
        if (!"jar".equals(url.getProtocol())) {
          continue;
        }
        try (InputStream in = url.openStream()) {
          if (START_CLASS.equals(new Manifest(in).getMainAttributes().getValue("Start-Class"))) {
            URL jarUrl = ((JarURLConnection) url.openConnection()).getJarFileURL();
            return Paths.get(jarUrl.toURI());
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot look for the storefront jar", e);
    }
    throw new IllegalStateException(
        "the storefront boot jar is not on the test class path: build it first ("
            + "./mvnw -pl storefront -am install -DskipTests)");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
