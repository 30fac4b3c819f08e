package dev.storefrontsession.spring.internal;

import dev.storefrontsession.core.ChannelCarts;
import dev.storefrontsession.core.CookieAttributes;
import dev.storefrontsession.core.CookieChunker;
import dev.storefrontsession.core.CookieHeader;
import dev.storefrontsession.core.CookieValues;
import dev.storefrontsession.core.CsrfToken;
import dev.storefrontsession.core.CustomerAccessToken;
import dev.storefrontsession.core.DecodeResult;
import dev.storefrontsession.core.SessionClaims;
import dev.storefrontsession.core.SessionCodec;
import dev.storefrontsession.core.SessionUser;
import dev.storefrontsession.spring.ShopperSession;
import dev.storefrontsession.spring.ShopperSessionEvents;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one request knows and changes about the shopper's cookies: the signed-in session, the
 * anonymous session and the CSRF token. Cookies are decoded the first time they are asked for (at
 * most once per request); changes are collected and turned into {@code Set-Cookie} headers once,
 * just before the response commits ({@link #finish(int)}). Lives as a request attribute; not
 * thread-safe (one request, one thread).
 */
public final class ShopperRequestState {

  static final String ATTRIBUTE = ShopperRequestState.class.getName();
  private static final Logger log = LoggerFactory.getLogger(ShopperRequestState.class);

  /** Minus the clock skew, made once (each signed-in request compares ages with it). */
  private static final Duration BEHIND_BY_CLOCK_SKEW = SessionCodec.CLOCK_SKEW.negated();

  private enum Write {
    NONE,
    WRITE,
    CLEAR
  }

  private final SessionSettings settings;
  private final boolean secure;
  private final HttpServletRequest request;
  private String origin;
  private final boolean passive;
  private final boolean safeMethod;
  private final Map<String, String> cookies;
  private final String sessionName;
  private final String anonymousName;
  private final String csrfName;
  private final RequestChannels channels;
  private String channelId;
  private final CookieAttributes cookieBase;
  private final SessionRevalidator revalidator;

  private boolean sessionLoaded;
  private SessionClaims session;
  private boolean sessionFromCookie;
  private Write sessionWrite = Write.NONE;

  /**
   * Why the session cookie is written when it is not a sign-in (for the re-issue meter), or null.
   */
  private ShopperSessionEvents.ReissueReason reissue;

  private boolean anonymousLoaded;
  private SessionClaims anonymous;
  private Write anonymousWrite = Write.NONE;

  private boolean csrfLoaded;
  private String csrfCookieValue;
  private String csrfToken;
  private String newCsrfCookieValue;

  private boolean upstreamFailed;
  private boolean finished;

  ShopperRequestState(
      SessionSettings settings,
      RequestChannels channels,
      HttpServletRequest request,
      SessionRevalidator revalidator) {
    this.settings = settings;
    this.channels = channels;
    this.revalidator = settings.policy().revalidateInterval().isZero() ? null : revalidator;
    this.secure = settings.origins().isSecure(request);
    this.request = request;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    this.passive = settings.isPassive(path);
    this.safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    this.cookies = readCookies(request);
    this.sessionName = ShopperCookies.sessionName(secure);
    this.anonymousName = ShopperCookies.anonymousName(secure);
    this.csrfName = ShopperCookies.csrfName(secure);
    this.cookieBase = settings.cookieAttributes(secure);
  }

  /** The state of the request, created by {@link ShopperSessionFilter}. */
  public static ShopperRequestState of(HttpServletRequest request) {
    Object state = request.getAttribute(ATTRIBUTE);
    if (state instanceof ShopperRequestState shopperState) {
      return shopperState;
    }
    throw new IllegalStateException(
        "no shopper session state on this request: is the ShopperSessionFilter"
            + " registered (StorefrontSessionAutoConfiguration does it)?");
  }

  /** As {@link #of}, or empty when the filter did not run for this request. */
  public static Optional<ShopperRequestState> find(HttpServletRequest request) {
    Object state = request.getAttribute(ATTRIBUTE);
    return state instanceof ShopperRequestState shopperState
        ? Optional.of(shopperState)
        : Optional.empty();
  }

  /**
   * The request's cookies, raw values (CookieChunker and CsrfToken percent-decode as Auth.js does).
   */
  private static Map<String, String> readCookies(HttpServletRequest request) {
    Enumeration<String> headers = request.getHeaders("Cookie");
    if (headers == null || !headers.hasMoreElements()) {
      return Map.of();
    }
    Map<String, String> cookies = new LinkedHashMap<>();
    while (headers.hasMoreElements()) {
      CookieHeader.parseInto(headers.nextElement(), cookies);
    }
    return cookies.isEmpty() ? Map.of() : Collections.unmodifiableMap(cookies);
  }

  public SessionSettings settings() {
    return settings;
  }

  /** True when cookies get {@code Secure} and prefixed names. */
  public boolean isSecure() {
    return secure;
  }

  /** The public origin of this request, {@code scheme://host[:port]}. */
  public String origin() {
    if (origin == null) {
      origin = settings.origins().origin(request); // only redirects and the endpoints need it
    }
    return origin;
  }

  /**
   * True when the request carries a session cookie (or chunk), whether valid or not; nothing is
   * decoded.
   */
  public boolean hasSessionCookie() {
    return ShopperCookies.hasSession(sessionName, cookies);
  }

  private boolean hasAnonymousCookie() {
    String value = cookies.get(anonymousName);
    return value != null && !value.isEmpty();
  }

  // ---- signed-in session
  // -------------------------------------------------------------------------------------

  /** The signed-in session's claims (decoded on first call), or empty. */
  public Optional<SessionClaims> session() {
    loadSession();
    return Optional.ofNullable(session);
  }

  private void loadSession() {
    if (sessionLoaded) {
      return;
    }
    sessionLoaded = true;
    CookieChunker.ReadResult read = CookieChunker.read(sessionName, cookies);
    if (read instanceof CookieChunker.ReadResult.Refused refused) {
      log.debug(
          "Ignoring and clearing the cookie {}: {}", sessionName, refused.reason().description());
      settings.events().cookieRejected(ShopperSessionEvents.CookieKind.SESSION, refused.reason());
      sessionWrite = Write.CLEAR;
      return;
    }
    if (!(read instanceof CookieChunker.ReadResult.Found found)) {
      return;
    }
    DecodeResult result = settings.codec().decode(found.value(), sessionName);
    if (result instanceof DecodeResult.Decoded decoded) {
      SessionClaims claims = decoded.claims();
      Instant now = settings.clock().instant();
      boolean catExpired =
          claims
              .user()
              .flatMap(SessionUser::customerAccessToken)
              .map(cat -> cat.isExpiredAt(now))
              .orElse(false);
      if (catExpired) {
        log.debug(
            "The session's customer access token has expired: signing the shopper out, keeping the cart");
        settings
            .events()
            .customerAccessTokenInvalid(ShopperSessionEvents.InvalidTokenSource.EXPIRED);
        signOut(cartsOf(claims));
        return;
      }
      session = claims;
      sessionFromCookie = true;
      checkAbsoluteLifetime(now);
      revalidateIfDue(now);
    } else if (result instanceof DecodeResult.Rejected rejected) {
      log.debug(
          "Ignoring and clearing the cookie {}: {}", sessionName, rejected.reason().description());
      settings.events().cookieRejected(ShopperSessionEvents.CookieKind.SESSION, rejected.reason());
      sessionWrite = Write.CLEAR;
    }
  }

  /**
   * With revalidation: when the store last confirmed the session's customer access token longer ago
   * than the interval (or never, or in the future beyond the clock skew), asks it once: a valid
   * token re-issues the session with the check time, an invalid one signs the shopper out (cart
   * kept), no answer leaves the session as it is.
   */
  private void revalidateIfDue(Instant now) {
    if (revalidator == null || session == null) {
      return;
    }
    CustomerAccessToken token =
        session.user().flatMap(SessionUser::customerAccessToken).orElse(null);
    if (token == null) {
      return;
    }
    Instant checkedAt = session.customerAccessTokenCheckedAt();
    if (checkedAt != null) {
      Duration age = Duration.between(checkedAt, now);
      if (age.compareTo(settings.policy().revalidateInterval()) < 0
          && age.compareTo(BEHIND_BY_CLOCK_SKEW) >= 0) {
        return;
      }
    }
    switch (revalidator.check(token, request)) {
      case VALID -> {
        session = session.toBuilder().customerAccessTokenCheckedAt(now).build();
        sessionWrite = Write.WRITE;
      }
      case INVALID -> {
        log.debug(
            "The store refused the session's customer access token: signing the shopper out, keeping the cart");
        signOut(cartsOf(session));
      }
      case UNKNOWN -> {}
    }
  }

  /**
   * With an absolute lifetime: signs out a session whose sign-in ({@code auth_time}) is that long
   * ago, or claims to be in the future (fail closed); a session from before the claim (or minted by
   * Auth.js) counts from its {@code iat}, which is then stored as its sign-in time. A session with
   * neither is signed out. The cart is kept.
   */
  private void checkAbsoluteLifetime(Instant now) {
    Duration absolute = settings.policy().absoluteMaxAge();
    if (absolute == null || session == null) {
      return;
    }
    Instant signedInAt = session.authTime();
    boolean stamp = signedInAt == null;
    if (stamp) {
      signedInAt = session.issuedAt();
    }
    if (signedInAt == null
        || Duration.between(signedInAt, now).compareTo(absolute) >= 0
        || Duration.between(now, signedInAt).compareTo(SessionCodec.CLOCK_SKEW) > 0) {
      log.debug(
          "The session reached its absolute lifetime: signing the shopper out, keeping the cart");
      signOut(cartsOf(session));
      return;
    }
    if (stamp) {
      session = session.toBuilder().authTime(signedInAt).build();
      sessionWrite = Write.WRITE;
    }
  }

  /**
   * With an absolute lifetime: when the session ends however active the shopper is, its sign-in
   * ({@code auth_time}) plus that lifetime; else null. {@code auth_time} may be any number Auth.js
   * accepts, so the sum saturates.
   */
  private Instant absoluteEnd() {
    Duration absolute = settings.policy().absoluteMaxAge();
    Instant signedInAt = session == null ? null : session.authTime();
    if (absolute == null || signedInAt == null) {
      return null;
    }
    try {
      return signedInAt.plus(absolute);
    } catch (DateTimeException | ArithmeticException beyondRange) {
      return Instant.MAX;
    }
  }

  /**
   * When a session cookie written now expires: now plus the max age, but not after {@link
   * #absoluteEnd()}.
   */
  private Instant expiryIfWrittenAt(Instant now) {
    Instant expires = now.plus(settings.maxAge());
    Instant end = absoluteEnd();
    return end != null && end.isBefore(expires) ? end : expires;
  }

  /**
   * True when the session came from the cookie and is older than the update age (zero: always), or
   * claims to be issued in the future beyond the clock skew. {@code iat} may be any number Auth.js
   * accepts (as far as {@link Instant#MIN} or {@link Instant#MAX}), so nothing here adds to it.
   */
  private boolean rollingDue(Instant now) {
    if (session == null || !sessionFromCookie) {
      return false;
    }
    Instant issuedAt = session.issuedAt();
    if (issuedAt == null) {
      return true;
    }
    Duration age = Duration.between(issuedAt, now);
    return age.compareTo(settings.updateAge()) >= 0 || age.compareTo(BEHIND_BY_CLOCK_SKEW) < 0;
  }

  /**
   * When the signed-in session will expire after this response: now plus max age when the cookie is
   * (re-)written, else the cookie's {@code exp}. Empty without a session.
   */
  public Optional<Instant> sessionExpiry() {
    loadSession();
    if (session == null) {
      return Optional.empty();
    }
    Instant now = settings.clock().instant();
    if (sessionWrite == Write.WRITE
        || (!upstreamFailed && rollingDue(now))
        || session.expiresAt() == null) {
      return Optional.of(expiryIfWrittenAt(now));
    }
    return Optional.of(session.expiresAt());
  }

  /**
   * Replaces the signed-in session (a sign-in); the cookie is written at commit. Claims without a
   * sign-in time ({@code auth_time}) get now; the store has just issued the token, so it counts as
   * checked now.
   */
  public void signIn(SessionClaims claims) {
    Objects.requireNonNull(claims, "claims");
    loadAnonymous();
    sessionLoaded = true;
    Instant now = settings.clock().instant();
    SessionClaims.Builder stamped = claims.toBuilder().customerAccessTokenCheckedAt(now);
    if (claims.authTime() == null) {
      stamped.authTime(now);
    }
    session = stamped.build();
    sessionFromCookie = false;
    sessionWrite = Write.WRITE;
    reissue = null;
    anonymous = null;
    anonymousWrite = hasAnonymousCookie() ? Write.CLEAR : Write.NONE;
  }

  /**
   * Changes the claims of the signed-in session from server code; the cookie is re-issued once,
   * when the response commits, with every change of this request. {@code change} gets the claims as
   * they stand now (with a cart set or another update made earlier in this request), never the
   * cookie as it was read. The session layer's own claims are kept whatever {@code change} returns:
   * the carts ({@code user.cartId}/{@code cartIds}, changed only through the cart methods, so an
   * update computed from an older copy of the claims cannot drop a cart set in this response), the
   * sign-in time and the token check time ({@code auth_time}, {@code cat_checked_at}: no update
   * extends an absolute lifetime or skips a revalidation) and the impersonating staff member
   * ({@code impersonator_id}: server code cannot hide a "login as customer"). {@code iat}/{@code
   * exp}/{@code jti} are set on encode.
   *
   * @return the claims after the change, or empty (and nothing changed) without a signed-in session
   */
  public Optional<SessionClaims> update(UnaryOperator<SessionClaims> change) {
    Objects.requireNonNull(change, "change");
    loadSession();
    if (session == null) {
      return Optional.empty();
    }
    SessionClaims before = session;
    SessionClaims changed =
        Objects.requireNonNull(change.apply(before), "a session update returned null claims");
    SessionUser beforeUser = before.user().orElse(null);
    SessionUser changedUser = changed.user().orElse(null);
    SessionClaims.Builder kept =
        changed.toBuilder()
            .authTime(before.authTime())
            .customerAccessTokenCheckedAt(before.customerAccessTokenCheckedAt())
            .impersonatorOf(before);
    if (beforeUser != null || changedUser != null) {
      kept.user(
          (changedUser == null ? SessionUser.builder() : changedUser.toBuilder())
              .cartsOf(beforeUser)
              .build());
    }
    SessionClaims after = kept.build();
    if (!after.equals(before)) {
      session = after;
      claimsChanged();
    }
    return Optional.of(session);
  }

  /**
   * Replaces the signed-in session's cart members ({@code cartId} and {@code cartIds}) with {@code
   * carts} as given (Auth.js's session update, which {@link #update} leaves alone); only a change
   * is written; no-op without a session.
   */
  public void setSessionCarts(ChannelCarts carts) {
    loadSession();
    if (session == null) {
      return;
    }
    SessionClaims after = withCarts(session, carts);
    if (!after.equals(session)) {
      session = after;
      claimsChanged();
    }
  }

  /**
   * Ends the signed-in session: every session chunk is cleared, and a new anonymous session holds
   * {@code carts}.
   *
   * @param carts the carts the shopper keeps as a guest ({@code cartId} and {@code cartIds} as
   *     given)
   */
  public void signOut(ChannelCarts carts) {
    reissue = null;
    sessionLoaded = true;
    session = null;
    sessionFromCookie = false;
    sessionWrite = Write.CLEAR;
    anonymousLoaded = true;
    anonymous = withCarts(SessionClaims.anonymous(null), carts);
    anonymousWrite = Write.WRITE;
  }

  // ---- anonymous session
  // -------------------------------------------------------------------------------------

  /** The anonymous session's claims (decoded on first call), or empty. */
  public Optional<SessionClaims> anonymous() {
    loadAnonymous();
    return Optional.ofNullable(anonymous);
  }

  private void loadAnonymous() {
    if (anonymousLoaded) {
      return;
    }
    anonymousLoaded = true;
    String token = CookieValues.decode(cookies.get(anonymousName));
    if (token == null || token.isEmpty()) {
      return;
    }
    DecodeResult result = settings.codec().decode(token, anonymousName);
    if (result instanceof DecodeResult.Decoded decoded) {
      anonymous = decoded.claims();
    } else if (result instanceof DecodeResult.Rejected rejected) {
      log.debug(
          "Ignoring and clearing the cookie {}: {}",
          anonymousName,
          rejected.reason().description());
      settings
          .events()
          .cookieRejected(ShopperSessionEvents.CookieKind.ANONYMOUS, rejected.reason());
      anonymousWrite = Write.CLEAR;
    }
  }

  // ---- cart
  // ----------------------------------------------------------------------------------------------------

  /**
   * The channel of this request (decimal channel id, the key of {@code user.cartIds}); decided
   * once.
   */
  public String channelId() {
    if (channelId == null) {
      channelId = channels.channelId(request);
    }
    return channelId;
  }

  /** The request's locale ({@link dev.storefrontsession.spring.ShopperLocales}), or null. */
  public String locale() {
    return channels.locale(request);
  }

  /**
   * The signed-in session as the principal, for this request's channel. A session with only the
   * legacy {@code cartId} first gives it to this channel and stores that ({@link #cartId()}), so
   * the principal's {@link ShopperSession#cartId()} and {@link #cartId()} agree and no other
   * channel takes the same cart later.
   */
  public Optional<ShopperSession> principal() {
    loadSession();
    if (session == null) {
      return Optional.empty();
    }
    ChannelCarts carts = cartsOf(session);
    if (carts.cartIds() == null && carts.cartId() != null) {
      cartId();
    }
    return Optional.ofNullable(session).map(claims -> new ShopperSession(claims, channelId()));
  }

  /**
   * The cart of this request's channel: from the signed-in session, else from the anonymous
   * session.
   */
  public Optional<String> cartId() {
    return cartId(channelId());
  }

  /**
   * The cart of {@code channel} with Catalyst's rules ({@link ChannelCarts#forChannel}): from the
   * signed-in session, else from the anonymous session. When a session with only the legacy {@code
   * cartId} gives it to this channel, the map is stored (the cookie is written on this response) so
   * no other channel takes the same cart.
   */
  public Optional<String> cartId(String channel) {
    loadSession();
    if (session != null) {
      ChannelCarts.Selection selected = cartsOf(session).forChannel(channel);
      if (selected.toStore() != null) {
        session = withCarts(session, selected.toStore());
        claimsChanged();
      }
      return Optional.ofNullable(selected.cartId());
    }
    loadAnonymous();
    if (anonymous == null) {
      return Optional.empty();
    }
    ChannelCarts.Selection selected = cartsOf(anonymous).forChannel(channel);
    if (selected.toStore() != null) {
      anonymous = withCarts(anonymous, selected.toStore());
      anonymousWrite = Write.WRITE;
    }
    return Optional.ofNullable(selected.cartId());
  }

  /**
   * The carts of the signed-in session, else of the anonymous session, else none; nothing is
   * stored.
   */
  public ChannelCarts carts() {
    loadSession();
    if (session != null) {
      return cartsOf(session);
    }
    loadAnonymous();
    return anonymous == null ? new ChannelCarts(null, null) : cartsOf(anonymous);
  }

  /**
   * Stores the cart of this request's channel (null: removes it); see {@link #setCartId(String,
   * String)}.
   */
  public void setCartId(String cartId) {
    setCartId(channelId(), cartId);
  }

  /**
   * Stores {@code cartId} as the cart of {@code channel} in the signed-in session, else in the
   * anonymous session ({@link ChannelCarts#assign}; a null cart id {@link ChannelCarts#remove
   * removes} it, leaving an empty map rather than the legacy cart); other channels keep theirs;
   * only a change is written.
   */
  public void setCartId(String channel, String cartId) {
    loadSession();
    if (session != null) {
      ChannelCarts carts = cartsOf(session);
      ChannelCarts next = carts.assign(channel, cartId);
      if (!next.equals(carts) || !session.user().map(SessionUser::hasCartId).orElse(false)) {
        session = withCarts(session, next);
        claimsChanged();
      }
      return;
    }
    loadAnonymous();
    boolean usable = anonymous != null && anonymousWrite != Write.CLEAR;
    ChannelCarts carts = usable ? cartsOf(anonymous) : new ChannelCarts(null, null);
    ChannelCarts next = carts.assign(channel, cartId);
    if (usable
        && next.equals(carts)
        && anonymous.user().map(SessionUser::hasCartId).orElse(false)) {
      return;
    }
    anonymous = withCarts(usable ? anonymous : SessionClaims.anonymous(null), next);
    anonymousWrite = Write.WRITE;
  }

  /** The cart members of {@code claims}' user (none without a user). */
  static ChannelCarts cartsOf(SessionClaims claims) {
    return ChannelCarts.of(claims.user().orElse(null));
  }

  /** {@code claims} with the user's cart members set to {@code carts}; every other member kept. */
  static SessionClaims withCarts(SessionClaims claims, ChannelCarts carts) {
    SessionUser user = claims.user().orElse(null);
    SessionUser.Builder builder = user == null ? SessionUser.builder() : user.toBuilder();
    return claims.toBuilder().user(builder.carts(carts).build()).build();
  }

  /**
   * A change to a session that came from the cookie is a re-issue; one made during a sign-in is
   * part of it.
   */
  private void claimsChanged() {
    if (sessionWrite != Write.WRITE && sessionFromCookie) {
      reissue = ShopperSessionEvents.ReissueReason.CLAIMS_CHANGED;
    }
    sessionWrite = Write.WRITE;
  }

  // ---- CSRF
  // --------------------------------------------------------------------------------------------------

  /** The token of a valid CSRF cookie, or of one created during this request; else null. */
  public String csrfToken() {
    loadCsrf();
    return csrfToken;
  }

  /** The current CSRF token, creating one (and its cookie) when the request had no valid one. */
  public String ensureCsrfToken() {
    loadCsrf();
    if (csrfToken == null) {
      CsrfToken created = CsrfToken.create(settings.keyRing());
      newCsrfCookieValue = created.cookieValue();
      csrfToken = created.token();
    }
    return csrfToken;
  }

  /**
   * Double-submit check as Auth.js: the request's CSRF cookie is genuine and {@code submitted}
   * equals its token (constant time). A token created during this request does not count: its
   * cookie was never sent back.
   */
  public boolean verifyCsrf(String submitted) {
    loadCsrf();
    if (csrfCookieValue == null || submitted == null || submitted.isEmpty()) {
      return false;
    }
    return CsrfToken.verify(csrfCookieValue, submitted, settings.keyRing());
  }

  /**
   * True when the request carries a CSRF cookie, or when this request already checked one and found
   * it valid. The cookie's hash is checked when its token is used (a form renders it, a POST sends
   * it, an Auth.js endpoint), and an invalid cookie is replaced then, so a page view that uses no
   * token does not hash it.
   */
  private boolean hasCsrfCookie() {
    if (csrfLoaded) {
      return csrfToken != null;
    }
    String value = cookies.get(csrfName);
    return value != null && !value.isEmpty();
  }

  private void loadCsrf() {
    if (csrfLoaded) {
      return;
    }
    csrfLoaded = true;
    String value = cookies.get(csrfName);
    if (value == null) {
      return;
    }
    Optional<CsrfToken> verified = CsrfToken.fromCookie(value, settings.keyRing());
    if (verified.isPresent()) {
      csrfCookieValue = value;
      csrfToken = verified.get().token();
    } else {
      log.debug("Ignoring the cookie {}: malformed, or its hash does not match", csrfName);
    }
  }

  // ---- commit
  // ------------------------------------------------------------------------------------------------

  /** Marks this response as failed upstream: the session cookie is not rolled on it. */
  public void markUpstreamFailure() {
    upstreamFailed = true;
  }

  boolean isFinished() {
    return finished;
  }

  /**
   * Decides the cookie changes of this response (once; later calls return nothing): the rolling
   * re-issue, the anonymous-session lifecycle, a CSRF cookie when needed, and every write or
   * deletion asked for.
   *
   * @param status the response status as far as known (0 when unknown)
   * @return {@code Set-Cookie} header values, in order
   */
  List<String> finish(int status) {
    if (finished) {
      return List.of();
    }
    finished = true;
    Instant now = settings.clock().instant();
    boolean failed = upstreamFailed || status >= 500;

    if (sessionWrite == Write.NONE && !failed && rollingDue(now)) {
      sessionWrite = Write.WRITE;
      reissue = ShopperSessionEvents.ReissueReason.ROLLING;
    }
    if (reissue != null && sessionWrite == Write.WRITE) {
      settings.events().sessionReissued(reissue);
    }
    Instant end = absoluteEnd();
    if (sessionWrite == Write.WRITE && end != null && !end.isAfter(now)) {
      // the absolute lifetime ran out during this request
      signOut(cartsOf(session));
    }

    boolean anonymousCookie = hasAnonymousCookie();
    boolean sessionCookie = hasSessionCookie();
    if (sessionCookie && anonymousCookie && !sessionLoaded) {
      loadSession();
    }
    boolean signedIn = session != null;
    if (signedIn) {
      if (anonymousCookie) {
        anonymousWrite = Write.CLEAR;
      } else if (anonymousWrite == Write.WRITE) {
        anonymousWrite = Write.NONE;
      }
    } else if ((!sessionCookie || sessionWrite == Write.CLEAR)
        && anonymousWrite != Write.WRITE
        && !passive) {
      if (!anonymousCookie || anonymousWrite == Write.CLEAR) {
        anonymous = SessionClaims.anonymous(null);
        anonymousWrite = Write.WRITE;
      }
    }

    if (!passive && safeMethod && !failed && !hasCsrfCookie()) {
      ensureCsrfToken();
    }

    List<String> headers = new ArrayList<>();
    switch (sessionWrite) {
      case WRITE -> {
        String token = settings.codec().encode(session, sessionName, settings.maxAge(), end);
        Instant expires = settings.policy().browserSessionCookies() ? null : expiryIfWrittenAt(now);
        headers.addAll(
            ShopperCookies.writeSession(sessionName, token, cookieBase, expires, cookies));
      }
      case CLEAR -> headers.addAll(ShopperCookies.clearSession(sessionName, cookieBase, cookies));
      case NONE -> {}
    }
    switch (anonymousWrite) {
      case WRITE -> {
        String token = settings.codec().encode(anonymous, anonymousName, settings.maxAge());
        headers.add(
            ShopperCookies.write(
                anonymousName,
                token,
                cookieBase,
                now,
                settings.policy().browserSessionCookies() ? null : settings.anonymousMaxAge()));
      }
      case CLEAR -> headers.add(ShopperCookies.delete(anonymousName, cookieBase));
      case NONE -> {}
    }
    if (newCsrfCookieValue != null) {
      headers.add(ShopperCookies.writeSessionScoped(csrfName, newCsrfCookieValue, cookieBase));
    }
    return headers;
  }
}
