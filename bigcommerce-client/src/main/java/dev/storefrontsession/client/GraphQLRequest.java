package dev.storefrontsession.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Storefront API call: the document, its variables and how to send it. Immutable; derive
 * variants with {@link #toBuilder()}.
 *
 * <p>Defaults: guest context, the client's channel (or the locale's), {@link ErrorPolicy#NONE},
 * {@code X-Bc-Error-On-Invalid-Customer-Access-Token: true}, {@link CachePolicy#noStore()}.
 */
public final class GraphQLRequest {

  private final String document;
  private final Map<String, Object> variables;
  private final CustomerContext context;
  private final Long channelId;
  private final ErrorPolicy errorPolicy;
  private final boolean validateCustomerAccessToken;
  private final CachePolicy cachePolicy;

  private GraphQLRequest(Builder b) {
    this.document = b.document;
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
    this.context = b.context;
    this.channelId = b.channelId;
    this.errorPolicy = b.errorPolicy;
    this.validateCustomerAccessToken = b.validateCustomerAccessToken;
    this.cachePolicy = b.cachePolicy;
  }

  /** A request for {@code document} with every default. */
  public static GraphQLRequest of(String document) {
    return builder(document).build();
  }

  public static Builder builder(String document) {
    return new Builder(document);
  }

  public Builder toBuilder() {
    Builder b = new Builder(document);
    b.variables.putAll(variables);
    b.context = context;
    b.channelId = channelId;
    b.errorPolicy = errorPolicy;
    b.validateCustomerAccessToken = validateCustomerAccessToken;
    b.cachePolicy = cachePolicy;
    return b;
  }

  public String document() {
    return document;
  }

  /** Unmodifiable; values may be null (sent as JSON null). Empty when the call has no variables. */
  public Map<String, Object> variables() {
    return variables;
  }

  public CustomerContext context() {
    return context;
  }

  /** The explicit channel, or null to use the locale's channel or the client's default. */
  public Long channelId() {
    return channelId;
  }

  public ErrorPolicy errorPolicy() {
    return errorPolicy;
  }

  public boolean validateCustomerAccessToken() {
    return validateCustomerAccessToken;
  }

  public CachePolicy cachePolicy() {
    return cachePolicy;
  }

  @Override
  public String toString() {
    // Variables may hold a password or a JWT: only their names are shown.
    return "GraphQLRequest[variables="
        + variables.keySet()
        + ", context="
        + context
        + ", channelId="
        + channelId
        + ", errorPolicy="
        + errorPolicy
        + ", validateCustomerAccessToken="
        + validateCustomerAccessToken
        + ", cache="
        + cachePolicy
        + "]";
  }

  /** Not thread-safe. */
  public static final class Builder {
    private final String document;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private CustomerContext context = CustomerContext.guest();
    private Long channelId;
    private ErrorPolicy errorPolicy = ErrorPolicy.NONE;
    private boolean validateCustomerAccessToken = true;
    private CachePolicy cachePolicy = CachePolicy.noStore();

    private Builder(String document) {
      Objects.requireNonNull(document, "document");
      if (document.isBlank()) {
        throw new IllegalArgumentException("GraphQL document is empty");
      }
      this.document = document;
    }

    /** Replaces all variables. Null values are sent as JSON null; leave a key out to omit it. */
    public Builder variables(Map<String, ?> variables) {
      this.variables.clear();
      if (variables != null) {
        variables.forEach(this::variable);
      }
      return this;
    }

    public Builder variable(String name, Object value) {
      Objects.requireNonNull(name, "variable name");
      variables.put(name, value);
      return this;
    }

    public Builder context(CustomerContext context) {
      this.context = Objects.requireNonNull(context, "context");
      return this;
    }

    public Builder channelId(Long channelId) {
      if (channelId != null && channelId < 1) {
        throw new IllegalArgumentException("channel id must be positive, was " + channelId);
      }
      this.channelId = channelId;
      return this;
    }

    public Builder errorPolicy(ErrorPolicy errorPolicy) {
      this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
      return this;
    }

    /**
     * Whether to send {@code X-Bc-Error-On-Invalid-Customer-Access-Token: true} (default). Without
     * it BigCommerce answers an invalid token as a guest instead of erring; Catalyst turns it off
     * only for header/footer data.
     */
    public Builder validateCustomerAccessToken(boolean validate) {
      this.validateCustomerAccessToken = validate;
      return this;
    }

    public Builder cache(CachePolicy cachePolicy) {
      this.cachePolicy = Objects.requireNonNull(cachePolicy, "cachePolicy");
      return this;
    }

    public GraphQLRequest build() {
      return new GraphQLRequest(this);
    }
  }
}
