package dev.storefrontsession.sandbox.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentInfoTest {

  @Test
  void ofWhenFragmentsThenComplexityCountsExpandedFieldsAndFirstFieldIsAliasAware() {
    DocumentInfo info =
        DocumentInfo.of(
            """
        query Q { me: customer { ...C } site { settings { storeHash } } }
        fragment C on Customer { entityId email }
        """,
            null);
    assertThat(info.complexity()).isEqualTo(6);
    assertThat(info.operationName()).isEqualTo("Q");
    assertThat(info.operationType()).isEqualTo("query");
    assertThat(info.firstField()).isEqualTo("me");
  }

  @Test
  void ofWhenSeveralOperationsThenTheRequestedOne() {
    DocumentInfo info =
        DocumentInfo.of("query A { customer { email } } mutation B { logout { result } }", "B");
    assertThat(info.operationType()).isEqualTo("mutation");
    assertThat(info.firstField()).isEqualTo("logout");
  }

  @Test
  void ofWhenUnparsableOrRecursiveFragmentThenNoCrash() {
    assertThat(DocumentInfo.of("{ broken", null)).isEqualTo(DocumentInfo.UNPARSABLE);
    DocumentInfo loop =
        DocumentInfo.of(
            "{ site { ...A } } fragment A on Site { ...A settings { storeHash } }", null);
    assertThat(loop.complexity()).isEqualTo(3);
  }
}
