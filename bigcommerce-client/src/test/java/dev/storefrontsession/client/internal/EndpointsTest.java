package dev.storefrontsession.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storefrontsession.client.OperationType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  @Test
  void forOperationWhenStoreHashThenPerChannelHostWithOperationAndType() {
    Endpoints e = new Endpoints(null, "abc123", "mybigcommerce.com");
    assertThat(e.forOperation(2, OperationType.QUERY, "ProductQuery"))
        .isEqualTo(
            URI.create(
                "https://store-abc123-2.mybigcommerce.com/graphql?operation=ProductQuery&type=query"));
  }

  @Test
  void forOperationWhenOtherDomainThenUsesIt() {
    Endpoints e = new Endpoints(null, "abc123", "example.test");
    assertThat(e.forOperation(1, OperationType.MUTATION, "LoginMutation").toString())
        .isEqualTo(
            "https://store-abc123-1.example.test/graphql?operation=LoginMutation&type=mutation");
  }

  @Test
  void forOperationWhenOverrideThenKeepsItAndAppendsParameters() {
    Endpoints e = new Endpoints("http://127.0.0.1:8081/graphql", null, null);
    assertThat(e.forOperation(7, OperationType.QUERY, "Q").toString())
        .isEqualTo("http://127.0.0.1:8081/graphql?operation=Q&type=query");
    assertThat(e.base(7)).isEqualTo("http://127.0.0.1:8081/graphql");
  }

  @Test
  void forOperationWhenOverrideHasQueryThenAppendsWithAmpersand() {
    Endpoints e = new Endpoints("http://proxy.test/graphql?tenant=a", null, null);
    assertThat(e.forOperation(1, OperationType.QUERY, "Q").toString())
        .isEqualTo("http://proxy.test/graphql?tenant=a&operation=Q&type=query");
  }

  @Test
  void forOperationWhenOverrideTemplateThenReplacesStoreHashAndChannel() {
    Endpoints e = new Endpoints("http://proxy.test/{storeHash}/{channelId}/graphql", "abc", null);
    assertThat(e.forOperation(3, OperationType.QUERY, "Q").toString())
        .isEqualTo("http://proxy.test/abc/3/graphql?operation=Q&type=query");
  }

  @Test
  void forOperationWhenAnonymousThenEmptyOperation() {
    Endpoints e = new Endpoints(null, "abc", "mybigcommerce.com");
    assertThat(e.forOperation(1, OperationType.QUERY, null).getRawQuery())
        .isEqualTo("operation=&type=query");
  }

  @Test
  void constructorWhenStoreHashMissingThenRejected() {
    assertThatThrownBy(() -> new Endpoints(null, null, "mybigcommerce.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store hash");
  }

  @Test
  void constructorWhenStoreHashHasHostCharactersThenRejected() {
    assertThatThrownBy(() -> new Endpoints(null, "abc.evil.test/x", "mybigcommerce.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("store hash");
  }

  @Test
  void constructorWhenDomainInvalidThenRejected() {
    assertThatThrownBy(() -> new Endpoints(null, "abc", "evil.test/path?"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("API domain");
  }

  @Test
  void constructorWhenOverrideNotHttpThenRejected() {
    assertThatThrownBy(() -> new Endpoints("ftp://x.test/graphql", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> new Endpoints("/graphql", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
