package dev.storefrontsession.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  static final Set<String> OPTIONS = Set.of("secret", "now");

  @Test
  void parseWhenRepeatedAndEqualsFormsThenAllValuesInOrder() throws Exception {
    Arguments args = Arguments.parse(List.of("--secret", "a", "--secret=b", "tok"), OPTIONS);
    assertThat(args.all("secret")).containsExactly("a", "b");
    assertThat(args.positional()).containsExactly("tok");
  }

  @Test
  void parseWhenDoubleDashThenRestPositionalEvenIfDashed() throws Exception {
    Arguments args = Arguments.parse(List.of("--", "--secret"), OPTIONS);
    assertThat(args.positional()).containsExactly("--secret");
  }

  @Test
  void parseWhenUnknownOptionOrMissingValueThenUsageException() {
    assertThatThrownBy(() -> Arguments.parse(List.of("--nope", "x"), OPTIONS))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --nope");
    assertThatThrownBy(() -> Arguments.parse(List.of("--now"), OPTIONS))
        .isInstanceOf(UsageException.class)
        .hasMessage("option --now needs a value");
  }

  @Test
  void optionalLongWhenNotANonNegativeNumberThenUsageException() throws Exception {
    assertThat(Arguments.parse(List.of("--now", "12"), OPTIONS).optionalLong("now")).contains(12L);
    assertThatThrownBy(() -> Arguments.parse(List.of("--now", "-1"), OPTIONS).optionalLong("now"))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Arguments.parse(List.of("--now", "soon"), OPTIONS).optionalLong("now"))
        .isInstanceOf(UsageException.class);
  }

  @Test
  void optionalWhenGivenTwiceThenUsageException() throws Exception {
    Arguments args = Arguments.parse(List.of("--now", "1", "--now", "2"), OPTIONS);
    assertThatThrownBy(() -> args.optional("now")).isInstanceOf(UsageException.class);
  }

  @Test
  void toStringWhenSecretsGivenThenRedacted() throws Exception {
    assertThat(Arguments.parse(List.of("--secret", "hunter2"), OPTIONS).toString())
        .doesNotContain("hunter2");
  }
}
