package dev.storefrontsession.sandbox.internal.web;

import dev.storefrontsession.sandbox.internal.auth.CustomerAccessTokens;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import graphql.ExecutionResult;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * Turns the request headers into a {@link Requester} in the GraphQL context: {@code
 * X-Bc-Customer-Access-Token} selects the customer; an invalid, expired or revoked token is
 * answered with {@code INVALID_CUSTOMER_ACCESS_TOKEN} (HTTP 200, {@code data: null}) when {@code
 * X-Bc-Error-On-Invalid-Customer-Access-Token: true} was sent, else the request runs as a guest.
 * The shopper's IP (login throttling, a Customer Login JWT's {@code request_ip}) is the socket
 * peer's unless the caller proves itself a trusted proxy with {@code X-BC-Trusted-Proxy-Secret} and
 * sends exactly one valid IP address in {@code True-Client-IP}; a list, a name or junk there, and
 * {@code X-Forwarded-For} from anyone, count as the socket peer (BigCommerce: "invalid or missing
 * headers will cause requests to be treated as coming from the proxy IP"). Adds the {@code
 * x-bc-graphql-*} response headers.
 */
public final class RequestContextInterceptor implements WebGraphQlInterceptor {

  static final String CAT_HEADER = "X-Bc-Customer-Access-Token";
  static final String ERROR_ON_INVALID_HEADER = "X-Bc-Error-On-Invalid-Customer-Access-Token";
  private static final int DOCUMENT_CACHE_LIMIT = 2_000;

  static final String TRUSTED_PROXY_SECRET_HEADER = "X-BC-Trusted-Proxy-Secret";

  private final CustomerAccessTokens tokens;
  private final byte[] trustedProxySecret;
  private final Map<String, DocumentInfo> documents = new ConcurrentHashMap<>();

  /**
   * @param trustedProxySecret the secret of trusted proxies, or null: forwarded IP headers are
   *     never believed
   */
  public RequestContextInterceptor(CustomerAccessTokens tokens, String trustedProxySecret) {
    this.tokens = tokens;
    this.trustedProxySecret =
        trustedProxySecret == null
            ? null
            : trustedProxySecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    HttpHeaders headers = request.getHeaders();
    DocumentInfo info = info(request.getDocument(), request.getOperationName());
    String beyondLimits = info.limitExceeded();
    if (beyondLimits != null) {
      ExecutionResult result =
          ExecutionResult.newExecutionResult()
              .addError(new SandboxError(beyondLimits, List.of(), null, null))
              .build();
      return Mono.just(
          withHeaders(
              new WebGraphQlResponse(
                  new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)),
              info));
    }
    String clientIp = clientIp(headers, request.getRemoteAddress(), fromTrustedProxy(headers));
    Requester requester = Requester.guest(clientIp);
    String cat = headers.getFirst(CAT_HEADER);
    if (cat != null && !cat.isBlank()) {
      Optional<Requester> customer = tokens.resolve(cat.trim(), clientIp);
      if (customer.isPresent()) {
        requester = customer.get();
      } else if ("true".equalsIgnoreCase(trim(headers.getFirst(ERROR_ON_INVALID_HEADER)))) {
        return Mono.just(withHeaders(invalidToken(request, info), info));
      }
    }
    if (request.getAttributes().get(ChannelFilter.ATTRIBUTE) instanceof Long channelId) {
      requester = requester.onChannel(channelId);
    }
    Requester resolved = requester;
    request.configureExecutionInput(
        (input, builder) -> builder.graphQLContext(Map.of(Requester.KEY, resolved)).build());
    return chain.next(request).map(response -> withHeaders(response, info));
  }

  private DocumentInfo info(String document, String operationName) {
    String key = operationName == null ? document : operationName + "\u0000" + document;
    DocumentInfo info = documents.get(key);
    if (info == null) {
      info = DocumentInfo.of(document, operationName);
      if (documents.size() >= DOCUMENT_CACHE_LIMIT) {
        documents.clear();
      }
      documents.put(key, info);
    }
    return info;
  }

  private static WebGraphQlResponse withHeaders(WebGraphQlResponse response, DocumentInfo info) {
    HttpHeaders h = response.getResponseHeaders();
    h.set("x-bc-graphql-complexity", String.valueOf(info.complexity()));
    if (info.operationType() != null) {
      h.set("x-bc-graphql-operation-type", info.operationType());
    }
    if (info.operationName() != null) {
      h.set("x-bc-graphql-operation-name", info.operationName());
    }
    return response;
  }

  private static WebGraphQlResponse invalidToken(WebGraphQlRequest request, DocumentInfo info) {
    SandboxError error =
        new SandboxError(
            "Invalid customer access token",
            info.firstFieldLocation() == null ? List.of() : List.of(info.firstFieldLocation()),
            info.firstField() == null ? null : List.of(info.firstField()),
            "INVALID_CUSTOMER_ACCESS_TOKEN");
    ExecutionResult result =
        ExecutionResult.newExecutionResult().data(null).addError(error).build();
    return new WebGraphQlResponse(
        new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
  }

  /**
   * True when the request carries this sandbox's trusted-proxy secret (compared in constant time).
   */
  private boolean fromTrustedProxy(HttpHeaders headers) {
    String sent = headers.getFirst(TRUSTED_PROXY_SECRET_HEADER);
    return trustedProxySecret != null
        && sent != null
        && MessageDigest.isEqual(
            trustedProxySecret, sent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * For a trusted proxy: its {@code True-Client-IP} when that is exactly one valid IP address (in
   * canonical form); else, and for everyone else, the socket peer.
   */
  static String clientIp(HttpHeaders headers, InetSocketAddress remote, boolean trustedProxy) {
    if (trustedProxy) {
      Optional<String> shopper = IpLiterals.canonical(trim(headers.getFirst("True-Client-IP")));
      if (shopper.isPresent() && headers.getValuesAsList("True-Client-IP").size() == 1) {
        return shopper.get();
      }
    }
    if (remote != null && remote.getAddress() != null) {
      return remote.getAddress().getHostAddress();
    }
    return null;
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }
}
