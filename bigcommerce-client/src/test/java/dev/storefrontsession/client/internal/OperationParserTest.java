package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.client.OperationType;
import org.junit.jupiter.api.Test;

class OperationParserTest {

  @Test
  void parseWhenNamedQueryThenTypeAndName() {
    assertThat(
            OperationParser.parse(
                "query ProductQuery($id: Int!) { site { product(entityId: $id) { name } } }"))
        .isEqualTo(new OperationParser.Operation(OperationType.QUERY, "ProductQuery"));
  }

  @Test
  void parseWhenMutationThenMutation() {
    assertThat(
            OperationParser.parse(
                "mutation LoginMutation($e: String!) { login(email: $e) { result } }"))
        .isEqualTo(new OperationParser.Operation(OperationType.MUTATION, "LoginMutation"));
  }

  @Test
  void parseWhenShorthandSelectionSetThenAnonymousQuery() {
    assertThat(OperationParser.parse("  { site { settings { storeName } } }"))
        .isEqualTo(new OperationParser.Operation(OperationType.QUERY, null));
  }

  @Test
  void parseWhenAnonymousMutationThenNoName() {
    assertThat(OperationParser.parse("mutation { logout { result } }"))
        .isEqualTo(new OperationParser.Operation(OperationType.MUTATION, null));
  }

  @Test
  void parseWhenAnonymousQueryWithVariablesThenNoName() {
    assertThat(OperationParser.parse("query ($id: Int) { a }"))
        .isEqualTo(new OperationParser.Operation(OperationType.QUERY, null));
  }

  @Test
  void parseWhenFragmentsComeFirstThenSkipsThem() {
    String doc =
        """
                # a comment mentioning mutation Nope { }
                fragment PriceFragment on Product @include(if: {a: "}"}) {
                  prices { price { value } description(text: "{ mutation Trap }") }
                  inner: entityId, block: name(arg: \"""multi } { line \\\""" \""")
                }
                fragment Other on Cart { entityId }
                mutation AddToCart($input: AddCartLineItemsInput!) { cart { addCartLineItems(input: $input) { cart { entityId } } } }
                """;
    assertThat(OperationParser.parse(doc))
        .isEqualTo(new OperationParser.Operation(OperationType.MUTATION, "AddToCart"));
  }

  @Test
  void parseWhenSeveralOperationsThenFirst() {
    assertThat(OperationParser.parse("query A { a } mutation B { b }").name()).isEqualTo("A");
  }

  @Test
  void parseWhenLeadingBomCommasAndCommentsThenIgnored() {
    assertThat(OperationParser.parse("\uFEFF,, # hello\nsubscription S { x }"))
        .isEqualTo(new OperationParser.Operation(OperationType.SUBSCRIPTION, "S"));
  }

  @Test
  void parseWhenEmptyThenRejected() {
    assertThatThrownBy(() -> OperationParser.parse("   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void parseWhenOnlyFragmentsThenRejected() {
    assertThatThrownBy(() -> OperationParser.parse("fragment F on Cart { entityId }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no operation");
  }

  @Test
  void parseWhenTypeDefinitionThenRejected() {
    assertThatThrownBy(() -> OperationParser.parse("type Query { a: Int }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'type'");
  }

  @Test
  void parseWhenUnterminatedStringInFragmentThenRejected() {
    assertThatThrownBy(
            () -> OperationParser.parse("fragment F on Cart { a(x: \"open) } query Q { a }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated string");
  }

  @Test
  void parseWhenUnbalancedFragmentThenRejected() {
    assertThatThrownBy(() -> OperationParser.parse("fragment F on Cart { a { b }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unbalanced");
  }
}
