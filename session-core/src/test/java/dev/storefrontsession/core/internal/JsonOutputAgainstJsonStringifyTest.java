package dev.storefrontsession.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hand-written JSON writer against JavaScript's {@code JSON.stringify}, run by {@code node}:
 * for generated claims and values (every escape, lone surrogates, astral characters, repeated and
 * empty names, nesting, numbers all over the double range) the writer's bytes are exactly what
 * {@code JSON.stringify} writes for the same value.
 *
 * <p>Checked as: JavaScript reads the writer's text and writes it again unchanged, and the text
 * reads back as the value that was written. Together they say the text is {@code
 * JSON.stringify(value)}.
 */
class JsonOutputAgainstJsonStringifyTest {

  private static JsonStringifyNode node;

  @BeforeContainer
  static void startNode() {
    node = new JsonStringifyNode();
  }

  @AfterContainer
  static void stopNode() {
    node.close();
  }

  @Property(tries = 1500)
  void writeValueWhenClaimsThenExactlyJsonStringify(@ForAll("claims") Object claims) {
    checkStringify(claims);
  }

  @Property(tries = 2000)
  void writeValueWhenAnyValueThenExactlyJsonStringify(@ForAll("values") Object value) {
    checkStringify(value);
  }

  @Example
  void writeValueWhenNumbersAtTheEdgesOfJavaScriptsNotationThenItsSpelling() {
    // Number::toString switches to exponents at 1e21 and below 1e-6; integers up to 2^53 have all
    // their digits
    List<Object> numbers =
        List.of(
            1e21,
            9.99e20,
            1e20,
            123456789.125,
            1e-6,
            1e-7,
            1.5e-7,
            5e-324,
            Double.MAX_VALUE,
            -0.1,
            9.007199254740994E15,
            4.35,
            0.30000000000000004);
    for (Object number : numbers) {
      checkStringify(JsonValues.normalize(number));
    }
    assertThat(write(JsonValues.normalize(1e21))).isEqualTo("1e+21");
    assertThat(write(JsonValues.normalize(1e20))).isEqualTo("100000000000000000000");
    assertThat(write(JsonValues.normalize(1.5e-7))).isEqualTo("1.5e-7");
    assertThat(write(JsonValues.normalize(123456789.125))).isEqualTo("123456789.125");
  }

  private static void checkStringify(Object value) {
    JsonOutput out = new JsonOutput(16);
    out.writeValue(value);
    byte[] ours = out.toByteArray();
    String text = out.toUtf8String();
    assertThat(node.restringify(ours)).as("JSON.stringify(JSON.parse(ours))").isEqualTo(text);
    assertThat(JsonParser.parse(ours, 0, ours.length)).as("read back: %s", text).isEqualTo(value);
  }

  private static String write(Object value) {
    JsonOutput out = new JsonOutput(16);
    out.writeValue(value);
    return out.toUtf8String();
  }

  @Provide
  Arbitrary<Object> claims() {
    return JsonGenerators.claims();
  }

  @Provide
  Arbitrary<Object> values() {
    return JsonGenerators.values(4);
  }
}
