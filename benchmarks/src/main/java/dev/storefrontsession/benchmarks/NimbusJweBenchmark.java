package dev.storefrontsession.benchmarks;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.storefrontsession.core.SessionSecret;
import dev.storefrontsession.core.internal.AuthJsKeyDerivation;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same token made and read with Nimbus JOSE+JWT (key derived and kid computed once, as in the
 * codec): the baseline that {@link SessionCodecBenchmark}'s hand-written JCA path is measured
 * against. Not part of {@code bin/bench codec}; run with {@code java -jar
 * benchmarks/target/benchmarks.jar NimbusJweBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NimbusJweBenchmark {

  private DirectEncrypter encrypter;
  private DirectDecrypter decrypter;
  private JWEHeader header;
  private Map<String, Object> claims;
  private String token;

  @Setup
  public void setUp() throws Exception {
    byte[] key =
        AuthJsKeyDerivation.derive(
            SessionSecret.of(CatalystSessions.SECRET), CatalystSessions.COOKIE_NAME, 64);
    String kid =
        new OctetSequenceKey.Builder(Base64URL.encode(key))
            .build()
            .computeThumbprint("SHA-512")
            .toString();
    encrypter = new DirectEncrypter(new SecretKeySpec(key, "AES"));
    decrypter = new DirectDecrypter(new SecretKeySpec(key, "AES"));
    header =
        new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512).keyID(kid).build();
    claims = JWTClaimsSet.parse(CatalystSessions.customer().toJson()).toJSONObject();
    token = encode();
  }

  @Benchmark
  public String encode() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    JWTClaimsSet set =
        new JWTClaimsSet.Builder(JWTClaimsSet.parse(claims))
            .issueTime(new Date(now * 1000))
            .expirationTime(new Date((now + 2_592_000) * 1000))
            .jwtID(UUID.randomUUID().toString())
            .build();
    JWEObject jwe = new JWEObject(header, new Payload(set.toJSONObject()));
    jwe.encrypt(encrypter);
    return jwe.serialize();
  }

  @Benchmark
  public JWTClaimsSet decode() throws Exception {
    JWEObject jwe = JWEObject.parse(token);
    jwe.decrypt(decrypter);
    JWTClaimsSet set = JWTClaimsSet.parse(jwe.getPayload().toJSONObject());
    if (set.getExpirationTime().getTime() <= System.currentTimeMillis() - 15_000) {
      throw new IllegalStateException("expired");
    }
    return set;
  }
}
