package dev.storefrontsession.client;

import dev.storefrontsession.client.internal.BoundedBody;
import dev.storefrontsession.client.internal.CanonicalJson;
import dev.storefrontsession.client.internal.GuestCache;
import dev.storefrontsession.client.internal.OperationParser;
import dev.storefrontsession.client.internal.ParsedResponse;
import dev.storefrontsession.client.internal.Redactor;
import dev.storefrontsession.client.internal.ResponseParser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transport of {@link StorefrontClient}: the request body and headers of a call, sending it
 * upstream (with the {@link CallObserver} told of it), the parsed answer, and a failure turned into
 * a redacted {@link StorefrontException}. One per client; immutable and thread-safe.
 */
final class Transport {

  private static final System.Logger LOG = System.getLogger(StorefrontClient.class.getName());
  private static final JsonMapper MAPPER = dev.storefrontsession.client.internal.Json.MAPPER;
  private static final ResponseParser PARSER = new ResponseParser(MAPPER);

  private final String storefrontToken;
  private final String trustedProxySecret;
  private final List<String> redactions;
  private final String userAgent;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final CallObserver callObserver;
  private final HttpClient http;
  private final SharedState shared;

  Transport(
      String storefrontToken,
      String trustedProxySecret,
      List<String> redactions,
      String userAgent,
      Duration connectTimeout,
      Duration requestTimeout,
      long maxResponseBytes,
      CallObserver callObserver,
      HttpClient http,
      SharedState shared) {
    this.storefrontToken = storefrontToken;
    this.trustedProxySecret = trustedProxySecret;
    this.redactions = redactions;
    this.userAgent = userAgent;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.callObserver = callObserver;
    this.http = http;
    this.shared = shared;
  }

  record Call(
      OperationParser.Operation op,
      long channelId,
      URI uri,
      String body,
      List<String[]> headers,
      List<String> secrets) {}

  String body(GraphQLRequest request) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("query", request.document());
    if (!request.variables().isEmpty()) {
      try {
        body.set("variables", MAPPER.valueToTree(request.variables()));
      } catch (JacksonException e) {
        throw new IllegalArgumentException(
            "GraphQL variables cannot be written as JSON: " + e.getOriginalMessage(), e);
      }
    }
    return MAPPER.writeValueAsString(body);
  }

  String canonicalVariables(GraphQLRequest request) {
    return request.variables().isEmpty() ? "" : CanonicalJson.of(MAPPER, request.variables());
  }

  List<String[]> headers(GraphQLRequest request, boolean forwardShopperIp) {
    CustomerContext context = request.context();
    List<String[]> h = new ArrayList<>(9);
    h.add(new String[] {"Content-Type", "application/json"});
    h.add(new String[] {"Authorization", "Bearer " + storefrontToken});
    h.add(new String[] {"User-Agent", userAgent});
    context
        .accessToken()
        .ifPresent(
            cat ->
                h.add(new String[] {StorefrontClient.HEADER_CUSTOMER_ACCESS_TOKEN, cat.value()}));
    if (request.validateCustomerAccessToken()) {
      h.add(new String[] {StorefrontClient.HEADER_ERROR_ON_INVALID_CAT, "true"});
    }
    if (trustedProxySecret != null) {
      h.add(new String[] {StorefrontClient.HEADER_TRUSTED_PROXY_SECRET, trustedProxySecret});
    }
    if (forwardShopperIp) {
      context
          .shopperIp()
          .ifPresent(
              ip -> {
                h.add(new String[] {"X-Forwarded-For", ip});
                h.add(new String[] {"True-Client-IP", ip});
              });
    }
    context.locale().ifPresent(locale -> h.add(new String[] {"Accept-Language", locale}));
    return h;
  }

  CompletableFuture<ParsedResponse> send(Call call, String cacheOutcome) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(call.uri())
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofString(call.body()));
    if ("http".equals(call.uri().getScheme())) {
      // Plain-HTTP upstreams (sandbox, proxies) get no h2c upgrade attempt.
      rb.version(HttpClient.Version.HTTP_1_1);
    }
    for (String[] header : call.headers()) {
      rb.header(header[0], header[1]);
    }
    CallObserver.Call observed = observe(call, "miss".equals(cacheOutcome), rb);
    HttpRequest httpRequest;
    try {
      httpRequest = rb.build();
    } catch (RuntimeException e) {
      ended(observed, CallObserver.CallOutcome.TRANSPORT_ERROR, null);
      throw e;
    }
    shared.upstreamCalls.increment();
    long start = System.nanoTime();
    return http.sendAsync(httpRequest, new BoundedBody(maxResponseBytes))
        .orTimeout(requestTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .handle(
            (response, failure) -> {
              long millis = (System.nanoTime() - start) / 1_000_000;
              if (failure != null) {
                StorefrontException error = transportError(call.op(), unwrap(failure));
                LOG.log(
                    Level.DEBUG,
                    () ->
                        "Storefront "
                            + describe(call.op())
                            + " channel "
                            + call.channelId()
                            + ": failed after "
                            + millis
                            + " ms ("
                            + error.getClass().getSimpleName()
                            + ")");
                ended(observed, outcomeOf(error), error);
                throw error;
              }
              OptionalInt complexity = complexity(response);
              LOG.log(
                  Level.DEBUG,
                  () ->
                      "Storefront "
                          + describe(call.op())
                          + " channel "
                          + call.channelId()
                          + ": HTTP "
                          + response.statusCode()
                          + " in "
                          + millis
                          + " ms, complexity "
                          + (complexity.isPresent() ? complexity.getAsInt() : "?")
                          + ", cache "
                          + cacheOutcome);
              ParsedResponse parsed;
              try {
                parsed =
                    PARSER.parse(
                        call.op().name(),
                        response.statusCode(),
                        response.body(),
                        complexity,
                        call.secrets());
              } catch (StorefrontException e) {
                ended(observed, outcomeOf(e), e);
                throw e;
              }
              ended(
                  observed,
                  parsed.hasErrors()
                      ? CallObserver.CallOutcome.GRAPHQL_ERRORS
                      : CallObserver.CallOutcome.SUCCESS,
                  null);
              return parsed;
            });
  }

  /** Starts the observer's view of a call; the headers it adds go on the request. Never throws. */
  private CallObserver.Call observe(Call call, boolean cached, HttpRequest.Builder request) {
    if (callObserver == CallObserver.none()) {
      return NO_CALL;
    }
    try {
      CallObserver.CallInfo info =
          new CallObserver.CallInfo(
              call.op().name() == null ? "unnamed" : call.op().name(),
              call.op().type(),
              call.channelId(),
              cached);
      CallObserver.Call observed =
          callObserver.start(
              info,
              (name, value) -> {
                try {
                  request.header(
                      HeaderValues.requireSafe("observer header", name),
                      HeaderValues.requireSafe("observer header", value));
                } catch (IllegalArgumentException e) {
                  LOG.log(Level.DEBUG, () -> "Call observer header dropped: " + e.getMessage());
                }
              });
      return observed == null ? NO_CALL : observed;
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Call observer failed to start: " + e);
      return NO_CALL;
    }
  }

  private static final CallObserver.Call NO_CALL = (outcome, failure) -> {};

  private static void ended(
      CallObserver.Call observed, CallObserver.CallOutcome outcome, StorefrontException failure) {
    try {
      observed.end(outcome, failure);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Call observer failed to end: " + e);
    }
  }

  private static CallObserver.CallOutcome outcomeOf(StorefrontException error) {
    if (error instanceof StorefrontTimeoutException) {
      return CallObserver.CallOutcome.TIMEOUT;
    }
    if (error instanceof MalformedResponseException) {
      return CallObserver.CallOutcome.MALFORMED;
    }
    if (error instanceof StorefrontApiException) {
      return CallObserver.CallOutcome.HTTP_ERROR;
    }
    return CallObserver.CallOutcome.TRANSPORT_ERROR;
  }

  StorefrontException transportError(OperationParser.Operation op, Throwable cause) {
    if (cause instanceof StorefrontException se) {
      return se;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BoundedBody.TooLarge tooLarge) {
        return new MalformedResponseException(
            op.name(), 200, "body larger than " + tooLarge.limit() + " bytes", "", cause);
      }
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return new StorefrontTimeoutException(
          op.name(), StorefrontTimeoutException.Phase.CONNECT, connectTimeout, cause);
    }
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return new StorefrontTimeoutException(
          op.name(), StorefrontTimeoutException.Phase.REQUEST, requestTimeout, cause);
    }
    if (cause instanceof ConnectException) {
      return new StorefrontTransportException(
          op.name(),
          "could not connect to the Storefront API for " + describe(op) + ": " + redact(cause),
          cause);
    }
    if (cause instanceof IOException) {
      return new StorefrontTransportException(
          op.name(),
          "I/O failure talking to the Storefront API for " + describe(op) + ": " + redact(cause),
          cause);
    }
    return new StorefrontTransportException(
        op.name(), "Storefront API call " + describe(op) + " failed: " + redact(cause), cause);
  }

  /**
   * A failure's own text, e.g. an I/O exception's message, without anything secret or token-shaped.
   */
  private String redact(Throwable cause) {
    List<String> secrets = new ArrayList<>(redactions);
    secrets.add(storefrontToken);
    secrets.add(trustedProxySecret);
    return Redactor.redact(String.valueOf(cause), secrets);
  }

  private static OptionalInt complexity(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue(StorefrontClient.HEADER_COMPLEXITY)
        .flatMap(
            v -> {
              try {
                return java.util.Optional.of(Integer.parseInt(v.trim()));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            })
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  static ParsedResponse await(
      CompletableFuture<?> future, OperationParser.Operation op, boolean ownFuture) {
    try {
      Object value = future.get();
      if (value instanceof GuestCache.Entry entry) {
        if (entry.failure() != null) {
          throw entry.failure();
        }
        return entry.response();
      }
      return (ParsedResponse) value;
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e.getCause());
      if (cause instanceof StorefrontException se) {
        throw se;
      }
      throw new StorefrontTransportException(
          op.name(),
          "Storefront API call "
              + describe(op)
              + " failed: "
              + Redactor.redact(String.valueOf(cause), List.of()),
          cause);
    } catch (CancellationException e) {
      throw new StorefrontTransportException(
          op.name(), "Storefront API call " + describe(op) + " was cancelled", e);
    } catch (InterruptedException e) {
      if (ownFuture) {
        future.cancel(true);
      }
      Thread.currentThread().interrupt();
      throw new StorefrontTransportException(
          op.name(), "interrupted while waiting for " + describe(op), e);
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static String describe(OperationParser.Operation op) {
    return (op.name() == null ? "<anonymous>" : op.name()) + " (" + op.type().keyword() + ")";
  }
}
