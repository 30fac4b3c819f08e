package dev.storefrontsession.benchmarks;

import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.KeyRing;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-thread throughput of {@link SessionCodec} on a Catalyst customer session (see {@link
 * CatalystSessions}), the same token shape the Node script times with {@code @auth/core}. Run
 * through {@code bin/bench codec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionCodecBenchmark {

  private SessionCodec codec;
  private SessionClaims claims;
  private String token;

  @Setup
  public void setUp() {
    codec = new SessionCodec(KeyRing.of(CatalystSessions.SECRET), Clock.systemUTC());
    claims = CatalystSessions.customer();
    token = codec.encode(claims, CatalystSessions.COOKIE_NAME);
    if (!(codec.decode(token, CatalystSessions.COOKIE_NAME) instanceof DecodeResult.Decoded)) {
      throw new IllegalStateException("the benchmark token does not decode");
    }
  }

  @Benchmark
  public String encode() {
    return codec.encode(claims, CatalystSessions.COOKIE_NAME);
  }

  @Benchmark
  public DecodeResult decode() {
    return codec.decode(token, CatalystSessions.COOKIE_NAME);
  }
}
