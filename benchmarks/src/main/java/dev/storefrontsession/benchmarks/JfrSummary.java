package dev.storefrontsession.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the {@code jdk.ExecutionSample} events of a JFR recording: the methods most often on
 * top of the stack (self time) and the share of samples in which each layer of the stack appears
 * (inclusive time by layer).
 */
public final class JfrSummary {

  /**
   * Layers by package prefix, checked in this order (so a bcrypt frame is bcrypt, not Spring
   * Security); a sample counts once per layer it contains.
   */
  private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("bcrypt", List.of("org.springframework.security.crypto.bcrypt."));
    LAYERS.put("session-core (codec)", List.of("dev.storefrontsession.core."));
    LAYERS.put("session-spring", List.of("dev.storefrontsession.spring."));
    LAYERS.put("spring-security filters", List.of("org.springframework.security."));
    LAYERS.put("bigcommerce-client", List.of("dev.storefrontsession.client."));
    LAYERS.put("storefront", List.of("dev.storefrontsession.storefront."));
    LAYERS.put("sandbox (all)", List.of("dev.storefrontsession.sandbox."));
    LAYERS.put("graphql-java", List.of("graphql."));
    LAYERS.put("h2 database", List.of("org.h2."));
    LAYERS.put("thymeleaf", List.of("org.thymeleaf.", "org.attoparser."));
    LAYERS.put("jackson", List.of("tools.jackson.", "com.fasterxml.jackson."));
    LAYERS.put("caffeine", List.of("com.github.benmanes.caffeine."));
    LAYERS.put("jdk http client", List.of("jdk.internal.net.http."));
    LAYERS.put("spring mvc dispatch", List.of("org.springframework.web.servlet."));
    LAYERS.put(
        "tomcat", List.of("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."));
    LAYERS.put(
        "jca crypto (AES/HMAC)", List.of("com.sun.crypto.provider.", "sun.security.provider."));
    LAYERS.put(
        "spring context start-up",
        List.of(
            "org.springframework.context.support.AbstractApplicationContext.refresh",
            "org.springframework.beans.factory."));
    LAYERS.put(
        "class loading",
        List.of(
            "java.lang.ClassLoader.loadClass",
            "jdk.internal.loader.",
            "org.springframework.boot.loader."));
    LAYERS.put("flyway", List.of("org.flywaydb."));
  }

  private JfrSummary() {}

  /**
   * A summary: total samples counted, layers (share of samples, 0..1), top self methods (share).
   */
  public record Summary(
      long samples,
      Map<String, Double> layers,
      Map<String, Double> selfLayers,
      List<Map.Entry<String, Double>> topSelf,
      List<Map.Entry<String, Double>> topFrames) {

    /** Human-readable lines. */
    public List<String> lines(String title, int top) {
      List<String> out = new ArrayList<>();
      out.add(title + ": " + samples + " execution samples");
      out.add("  by layer (share of samples with the layer on the stack):");
      layers.entrySet().stream()
          .filter(e -> e.getValue() >= 0.01)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> out.add(String.format("    %5.1f%%  %s", 100 * e.getValue(), e.getKey())));
      out.add(
          "  self time by innermost layer (a JDK/other frame is charged to the nearest layer that called it):");
      selfLayers.entrySet().stream()
          .filter(e -> e.getValue() >= 0.01)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> out.add(String.format("    %5.1f%%  %s", 100 * e.getValue(), e.getKey())));
      out.add("  top methods by self time:");
      topSelf.stream()
          .limit(top)
          .forEach(e -> out.add(String.format("    %5.1f%%  %s", 100 * e.getValue(), e.getKey())));
      out.add("  top project/library frames (inclusive, first 40 frames):");
      topFrames.stream()
          .limit(top)
          .forEach(e -> out.add(String.format("    %5.1f%%  %s", 100 * e.getValue(), e.getKey())));
      return out;
    }
  }

  /** Reads {@code file}, counting samples of the threads that {@code thread} accepts (by name). */
  public static Summary summarize(Path file, Predicate<String> thread) throws IOException {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> layer = new HashMap<>();
    Map<String, Long> frames = new HashMap<>();
    Map<String, Long> selfLayer = new HashMap<>();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedThread t = event.getThread("sampledThread");
      String name = t == null ? "" : (t.getJavaName() != null ? t.getJavaName() : t.getOSName());
      if (name == null || !thread.test(name)) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> fs = stack.getFrames();
      self.merge(method(fs.get(0)), 1L, Long::sum);
      String innermost = null;
      Set<String> seenLayers = new HashSet<>();
      Set<String> seenFrames = new HashSet<>();
      for (int i = 0; i < fs.size(); i++) {
        String m = method(fs.get(i));
        for (Map.Entry<String, List<String>> l : LAYERS.entrySet()) {
          for (String prefix : l.getValue()) {
            if (m.startsWith(prefix)) {
              seenLayers.add(l.getKey());
              if (innermost == null) {
                innermost = l.getKey();
              }
            }
          }
        }
        if (i < 40
            && (m.startsWith("dev.storefrontsession.")
                || m.startsWith("org.springframework.security.web.")
                || m.startsWith("org.thymeleaf.TemplateEngine")
                || m.startsWith("graphql.GraphQL.")
                || m.startsWith("org.h2.command."))) {
          seenFrames.add(m);
        }
      }
      seenLayers.forEach(l -> layer.merge(l, 1L, Long::sum));
      selfLayer.merge(
          innermost == null ? "other (no listed layer on the stack)" : innermost, 1L, Long::sum);
      seenFrames.forEach(f -> frames.merge(f, 1L, Long::sum));
    }
    long total = samples;
    Map<String, Double> layers = new LinkedHashMap<>();
    LAYERS
        .keySet()
        .forEach(l -> layers.put(l, total == 0 ? 0 : layer.getOrDefault(l, 0L) / (double) total));
    Map<String, Double> selfLayers = new LinkedHashMap<>();
    selfLayer.forEach((l, n) -> selfLayers.put(l, n / (double) total));
    return new Summary(total, layers, selfLayers, share(self, total), share(frames, total));
  }

  /**
   * When each start-up phase ran, from the samples' timestamps (seconds after the recording's first
   * sample) and how many samples it has: a phase is the set of samples with one of its frames on
   * the stack, or on a thread whose name starts with a prefix given as {@code "thread:<prefix>"}; a
   * marker {@code "!<frame prefix>"} excludes samples.
   */
  public static List<String> phases(Path file, Map<String, List<String>> phases)
      throws IOException {
    Map<String, double[]> window = new LinkedHashMap<>();
    Map<String, Long> count = new LinkedHashMap<>();
    java.time.Instant first = null;
    List<RecordedEvent> samples = new ArrayList<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
        samples.add(event);
        if (first == null || event.getStartTime().isBefore(first)) {
          first = event.getStartTime();
        }
      }
    }
    for (RecordedEvent event : samples) {
      double t = java.time.Duration.between(first, event.getStartTime()).toNanos() / 1e9;
      RecordedThread thread = event.getThread("sampledThread");
      String threadName =
          thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
      RecordedStackTrace stack = event.getStackTrace();
      for (Map.Entry<String, List<String>> phase : phases.entrySet()) {
        boolean in = false;
        boolean excluded = false;
        for (String marker : phase.getValue()) {
          if (marker.startsWith("!")) {
            if (stack != null) {
              for (RecordedFrame f : stack.getFrames()) {
                excluded |= method(f).startsWith(marker.substring(1));
              }
            }
          } else if (marker.startsWith("thread:")) {
            in |= threadName.startsWith(marker.substring("thread:".length()));
          } else if (stack != null) {
            for (RecordedFrame f : stack.getFrames()) {
              if (method(f).startsWith(marker)) {
                in = true;
                break;
              }
            }
          }
        }
        if (in && !excluded) {
          double[] w = window.computeIfAbsent(phase.getKey(), k -> new double[] {t, t});
          w[0] = Math.min(w[0], t);
          w[1] = Math.max(w[1], t);
          count.merge(phase.getKey(), 1L, Long::sum);
        }
      }
    }
    List<String> out = new ArrayList<>();
    out.add("  phases (first..last sample, s after the first sample; samples):");
    for (String phase : phases.keySet()) {
      double[] w = window.get(phase);
      out.add(
          w == null
              ? "    " + phase + ": no samples"
              : String.format(
                  "    %-45s %6.2f .. %6.2f s  %5d samples", phase, w[0], w[1], count.get(phase)));
    }
    out.add(
        String.format(
            "    all samples: %d over %.2f s",
            samples.size(),
            samples.isEmpty()
                ? 0
                : java.time.Duration.between(
                            first,
                            samples.stream()
                                .map(RecordedEvent::getStartTime)
                                .max(java.util.Comparator.naturalOrder())
                                .get())
                        .toNanos()
                    / 1e9));
    return out;
  }

  private static List<Map.Entry<String, Double>> share(Map<String, Long> counts, long total) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(40)
        .map(e -> Map.entry(e.getKey(), total == 0 ? 0 : e.getValue() / (double) total))
        .toList();
  }

  private static String method(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }

  /** {@code JfrSummary <file.jfr> [thread-name-prefix]}: prints the summary of one recording. */
  public static void main(String[] args) throws IOException {
    String prefix = args.length > 1 ? args[1] : "";
    summarize(Path.of(args[0]), n -> n.startsWith(prefix))
        .lines(args[0], 15)
        .forEach(dev.storefrontsession.benchmarks.internal.Report::summary);
  }
}
