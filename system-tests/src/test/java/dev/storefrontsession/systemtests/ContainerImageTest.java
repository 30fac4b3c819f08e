package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefrontsession.testing.ShopperClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image {@code bin/image} writes from the production jar, checked without a container
 * runtime (none is on the build machine): the OCI layout and its digests, the configuration (a
 * non-root user, production mode, the port, the class-data archive in the entrypoint), the layers
 * (the production jar, no sandbox), and then the image started as a runtime would start it: its
 * layers unpacked into a folder and its entrypoint and environment run there with {@code chroot} as
 * its user, in front of a sandbox this test starts; it must become ready and serve a signed-in
 * shopper's session.
 */
class ContainerImageTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path ROOT = Paths.get(System.getProperty("user.dir")).toAbsolutePath().getParent();
  static Path out;
  static Path layout;
  static Path rootfs;
  static JsonNode manifest;
  static JsonNode config;

  @BeforeAll
  static void build() throws Exception {
    // bin/image's training run and the start below need chroot and mounts; the CI machine is root
    assumeTrue(root(), "building and starting the image needs root (chroot, mount namespaces)");
    out = Paths.get(System.getProperty("user.dir"), "target", "image").toAbsolutePath();
    ProcessBuilder image =
        new ProcessBuilder(
                ROOT.resolve("bin/image").toString(),
                "--jar",
                StorefrontProcess.jar().toString(),
                "--output",
                out.toString())
            .redirectErrorStream(true);
    // the image's JRE is jlinked from the JDK that runs the tests (17)
    image.environment().put("IMAGE_JAVA_HOME", System.getProperty("java.home"));
    Process building = image.start();
    String log = new String(building.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(building.waitFor(360, TimeUnit.SECONDS)).isTrue();
    assertThat(building.exitValue()).as("bin/image:%n%s", log).isZero();
    System.out.println(log);
    layout = out.resolve("layout");
    deleteTree(layout);
    Files.createDirectories(layout);
    run(60, "tar", "-xf", out.resolve("storefront-image.tar").toString(), "-C", layout.toString());
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    manifest = JSON.readTree(blob(index.path("manifests").path(0).path("digest").asString()));
    config = JSON.readTree(blob(manifest.path("config").path("digest").asString()));
    // the layers in order into one folder, as a runtime unpacks them (owners kept: run as root)
    rootfs = out.resolve("unpacked");
    deleteTree(rootfs);
    Files.createDirectories(rootfs);
    for (JsonNode layer : manifest.path("layers")) {
      run(
          60,
          "tar",
          "-xzf",
          blobPath(layer.path("digest").asString()).toString(),
          "--numeric-owner",
          "-C",
          rootfs.toString());
    }
  }

  @AfterAll
  static void clean() throws IOException {
    if (rootfs != null) {
      deleteTree(rootfs);
    }
  }

  static String run(long timeoutSeconds, String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = p.getInputStream()) {
      output = in.readAllBytes();
    }
    assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s:%n%s", String.join(" ", command), text).isZero();
    return text;
  }

  static Path blobPath(String digest) {
    assertThat(digest).matches("sha256:[0-9a-f]{64}");
    return layout.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  static byte[] blob(String digest) throws IOException {
    return Files.readAllBytes(blobPath(digest));
  }

  static String sha256(InputStream in) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      md.update(buf, 0, n);
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void imageWhenReadThenOciLayoutWhoseDigestsMatchAndDockerManifestOfTheSameBlobs()
      throws Exception {
    assertThat(Files.readString(layout.resolve("oci-layout"))).contains("\"1.0.0\"");
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    assertThat(index.path("manifests")).hasSize(1);
    List<String> blobs = new ArrayList<>();
    blobs.add(index.path("manifests").path(0).path("digest").asString());
    blobs.add(manifest.path("config").path("digest").asString());
    manifest.path("layers").forEach(l -> blobs.add(l.path("digest").asString()));
    for (String digest : blobs) {
      try (InputStream in = Files.newInputStream(blobPath(digest))) {
        assertThat(sha256(in)).as("content of blob %s", digest).isEqualTo(digest);
      }
    }
    List<String> history = new ArrayList<>();
    config.path("history").forEach(h -> history.add(h.path("created_by").asString()));
    assertThat(history)
        .containsExactly(
            "bin/image: base",
            "bin/image: dependencies",
            "bin/image: application",
            "bin/image: class-data-archive");
    assertThat(manifest.path("layers")).hasSize(4);
    // each layer's uncompressed digest is the config's diff_id, in order
    List<String> diffIds = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      assertThat(layer.path("mediaType").asString())
          .isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
      assertThat(layer.path("size").asLong())
          .isEqualTo(Files.size(blobPath(layer.path("digest").asString())));
      try (InputStream in =
          new GZIPInputStream(Files.newInputStream(blobPath(layer.path("digest").asString())))) {
        diffIds.add(sha256(in));
      }
    }
    List<String> configured = new ArrayList<>();
    config.path("rootfs").path("diff_ids").forEach(d -> configured.add(d.asString()));
    assertThat(configured).isEqualTo(diffIds);
    // docker load's format, pointing into the same blobs
    JsonNode docker = JSON.readTree(layout.resolve("manifest.json").toFile()).path(0);
    assertThat(docker.path("Config").asString())
        .isEqualTo(
            "blobs/sha256/" + manifest.path("config").path("digest").asString().substring(7));
    assertThat(docker.path("Layers")).hasSize(manifest.path("layers").size());
  }

  @Test
  void configWhenReadThenNonRootProductionModePortAndClassDataArchive() {
    JsonNode c = config.path("config");
    assertThat(config.path("os").asString()).isEqualTo("linux");
    assertThat(c.path("User").asString()).isEqualTo("65532:65532");
    List<String> env = new ArrayList<>();
    c.path("Env").forEach(e -> env.add(e.asString()));
    assertThat(env).contains("STOREFRONT_ENV=production", "SERVER_ADDRESS=0.0.0.0");
    assertThat(env).noneMatch(e -> e.startsWith("AUTH_SECRET") || e.startsWith("BIGCOMMERCE_"));
    assertThat(c.path("ExposedPorts").has("8080/tcp")).isTrue();
    List<String> entrypoint = new ArrayList<>();
    c.path("Entrypoint").forEach(e -> entrypoint.add(e.asString()));
    assertThat(entrypoint)
        .startsWith("/opt/java/bin/java")
        .contains("-XX:SharedArchiveFile=/app/storefront.jsa")
        .endsWith("-jar", "/app/storefront.jar");
    assertThat(c.path("Labels").path("dev.storefrontsession.probe.readiness").asString())
        .contains("/readyz");
    assertThat(c.path("Labels").path("dev.storefrontsession.probe.liveness").asString())
        .contains("/livez");
  }

  @Test
  void layersWhenUnpackedThenProductionJarWithoutSandboxAndAUserForTheImage() throws Exception {
    assertThat(rootfs.resolve("app/storefront.jar")).isRegularFile();
    assertThat(rootfs.resolve("app/storefront.jsa")).isRegularFile();
    assertThat(rootfs.resolve("opt/java/bin/java")).isRegularFile();
    try (Stream<Path> left = Files.list(rootfs.resolve("tmp"))) {
      assertThat(left.toList()).as("left in /tmp by the training run").isEmpty();
    }
    assertThat(Files.readString(rootfs.resolve("etc/passwd"))).contains("nonroot:x:65532:65532:");
    List<String> sandbox = new ArrayList<>();
    try (Stream<Path> jars = Files.walk(rootfs.resolve("app"))) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        assertThat(jar.getFileName().toString()).doesNotContain("sandbox");
        ProductionJarTest.entries(jar).stream()
            .filter(ProductionJarTest::isSandbox)
            .forEach(e -> sandbox.add(jar.getFileName() + "!/" + e));
      }
    }
    assertThat(sandbox).isEmpty();
    // the listing reached into the jars (or the check above could not fail)
    assertThat(ProductionJarTest.entries(rootfs.resolve("app/storefront.jar")))
        .contains("dev/storefrontsession/storefront/StorefrontStartup.class");
    // nothing of the image is writable by its user but its home and /tmp
    try (Stream<Path> all = Files.walk(rootfs)) {
      List<String> owned =
          all.filter(
                  p -> {
                    try {
                      return ((Integer)
                              Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                          == 65532;
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .map(p -> "/" + rootfs.relativize(p))
              .toList();
      assertThat(owned).containsExactly("/home/nonroot");
    }
  }

  static String tool(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv("PATH").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    for (String dir : dirs) {
      Path p = Paths.get(dir, name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new IllegalStateException(name + " is not installed");
  }

  /**
   * {@code command} run in the unpacked image as its user: a private mount namespace with the
   * host's /dev and a new /proc mounted in, then {@code chroot --userspec}.
   */
  static ProcessBuilder inImage(List<String> command, Map<String, String> env) {
    List<String> argv = new ArrayList<>();
    argv.addAll(
        List.of(
            tool("unshare"),
            "--mount",
            "--fork",
            tool("sh"),
            "-ec",
            "root=$1 user=$2 chroot_bin=$3 mount_bin=$4; shift 4;"
                + " \"$mount_bin\" --bind /dev \"$root/dev\"; \"$mount_bin\" -t proc proc \"$root/proc\";"
                + " exec \"$chroot_bin\" --userspec=\"$user\" \"$root\" \"$@\"",
            "sh",
            rootfs.toString(),
            config.path("config").path("User").asString(),
            tool("chroot"),
            tool("mount")));
    argv.addAll(command);
    ProcessBuilder b = new ProcessBuilder(argv).redirectErrorStream(true);
    b.environment().clear();
    b.environment().putAll(env);
    return b;
  }

  static boolean root() throws Exception {
    return run(60, "id", "-u").strip().equals("0");
  }

  @Test
  void imageWhenStartedAsItsUserThenReadyFromItsArchiveAndServesASignedInSession()
      throws Exception {
    List<String> entrypoint = new ArrayList<>();
    config.path("config").path("Entrypoint").forEach(e -> entrypoint.add(e.asString()));
    Map<String, String> env = new LinkedHashMap<>();
    config
        .path("config")
        .path("Env")
        .forEach(
            e -> {
              String[] kv = e.asString().split("=", 2);
              env.put(kv[0], kv[1]);
            });

    // the archive matches the image's JRE and class path (else the JVM would silently not use it)
    List<String> check = new ArrayList<>(entrypoint);
    check.add(1, "-XX:+PrintSharedArchiveAndExit");
    check.removeIf(a -> a.startsWith("-Xlog:cds"));
    Process checked = inImage(check, env).start();
    String checkOut = new String(checked.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(checked.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(checkOut).as(checkOut).contains("archive is valid");

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (SandboxFixture store = SandboxFixture.startH2(b -> b)) {
      env.put("SERVER_PORT", String.valueOf(port));
      env.put("AUTH_SECRET", "container-image-test-secret-0123456789");
      env.put("BIGCOMMERCE_GRAPHQL_ENDPOINT", store.graphqlEndpoint().toString());
      env.put("BIGCOMMERCE_STORE_HASH", store.settings().storeHash());
      env.put("BIGCOMMERCE_CHANNEL_ID", String.valueOf(store.settings().channelId()));
      env.put("BIGCOMMERCE_STOREFRONT_TOKEN", store.settings().storefrontToken());
      store
          .settings()
          .trustedProxySecret()
          .ifPresent(s -> env.put("BIGCOMMERCE_TRUSTED_PROXY_SECRET", s));
      Path log = out.resolve("container.log");
      Process container =
          inImage(entrypoint, env).redirectOutput(log.toFile()).redirectErrorStream(true).start();
      try {
        ShopperClient shopper = new ShopperClient(URI.create("http://127.0.0.1:" + port));
        int ready = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline && container.isAlive()) {
          try {
            ready = shopper.get("/readyz").status();
            if (ready == 200) {
              break;
            }
          } catch (RuntimeException notYet) {
            // not listening yet
          }
          Thread.sleep(250);
        }
        String started = Files.readString(log);
        assertThat(ready).as("GET /readyz; the container printed:%n%s", started).isEqualTo(200);
        // the JVM runs as the image's user
        ProcessHandle java =
            container
                .descendants()
                .filter(h -> h.info().command().orElse("").endsWith("/java"))
                .findFirst()
                .orElseThrow();
        assertThat(Files.readAllLines(Paths.get("/proc", String.valueOf(java.pid()), "status")))
            .anyMatch(l -> l.matches("Uid:\\s+65532\\s+65532\\s+65532\\s+65532"));

        ShopperClient.Response login =
            shopper.submit(
                "/login",
                "/login",
                Map.of("email", "shopper@example.com", "password", "Shopper-Pass-1"));
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        ShopperClient.Response session = shopper.get("/api/auth/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.body()).contains("shopper@example.com");
        assertThat(shopper.get("/livez").status()).isEqualTo(200);
        // production mode: JSON log lines, no errors
        String output = Files.readString(log);
        assertThat(output.lines().filter(l -> l.startsWith("{"))).isNotEmpty();
        assertThat(output.lines().filter(StorefrontProcess::isErrorLine)).isEmpty();
        assertThat(output.lines().filter(l -> l.contains("\"level\":\"ERROR\""))).isEmpty();
      } finally {
        container.descendants().forEach(ProcessHandle::destroy);
        container.destroy();
        if (!container.waitFor(20, TimeUnit.SECONDS)) {
          container.descendants().forEach(ProcessHandle::destroyForcibly);
          container.destroyForcibly();
        }
      }
    }
  }
}
