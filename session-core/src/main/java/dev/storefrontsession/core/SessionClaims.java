package dev.storefrontsession.core;

import dev.storefrontsession.core.internal.JsonOutput;
import dev.storefrontsession.core.internal.JsonParser;
import dev.storefrontsession.core.internal.JsonValues;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims of a session token in Catalyst's layout: {@code
 * {"name","email","picture","sub","user":{…},"iat","exp", "jti"}}. An anonymous session holds only
 * {@code user.cartId}. Claims the project does not know round-trip unchanged through {@link
 * #extra()}; the member order of a decoded token is kept, and a re-encode overwrites {@code iat},
 * {@code exp} and {@code jti} in place, as Auth.js does.
 *
 * <p>Any JSON object is a valid set of claims, as for Auth.js. A known claim of another JSON type
 * than the layout's (a numeric {@code sub}, a {@code user} that is not an object, …) reads as
 * absent through the typed accessors, and its raw value is kept and written back unchanged until a
 * setter replaces it. Immutable and thread-safe.
 */
public final class SessionClaims {

  static final String NAME = "name";
  static final String EMAIL = "email";
  static final String PICTURE = "picture";
  static final String SUB = "sub";
  static final String USER = "user";
  static final String IAT = "iat";
  static final String EXP = "exp";
  static final String JTI = "jti";

  /**
   * When the shopper signed in (epoch seconds; OpenID Connect's name): re-issues keep it. Not
   * written by Auth.js.
   */
  static final String AUTH_TIME = "auth_time";

  /**
   * When the store last confirmed the customer access token (epoch seconds). Not written by
   * Auth.js.
   */
  static final String CAT_CHECKED_AT = "cat_checked_at";

  /**
   * The store staff member signed in as the customer ("login as customer"), as BigCommerce's JWT
   * names it.
   */
  static final String IMPERSONATOR_ID = "impersonator_id";

  private static final Set<String> KNOWN =
      Set.of(
          NAME,
          EMAIL,
          PICTURE,
          SUB,
          USER,
          IAT,
          EXP,
          JTI,
          AUTH_TIME,
          CAT_CHECKED_AT,
          IMPERSONATOR_ID);

  private final Map<String, Object> members;
  private final SessionUser user;

  /**
   * @param members unmodifiable JSON members in the value model of {@link JsonValues}; {@code user}
   *     as a Map
   */
  SessionClaims(Map<String, Object> members) {
    this.members = members;
    @SuppressWarnings("unchecked")
    SessionUser typedUser =
        members.get(USER) instanceof Map<?, ?> map
            ? new SessionUser((Map<String, Object>) map)
            : null;
    this.user = typedUser;
  }

  /** The claim {@code name} when it is a string, else null (absent, null or another type). */
  private String string(String name) {
    return members.get(name) instanceof String value ? value : null;
  }

  /** Claims holding only {@code {"user":{"cartId": cartId}}}: Catalyst's anonymous session. */
  public static SessionClaims anonymous(String cartId) {
    return builder().user(SessionUser.anonymous(cartId)).build();
  }

  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(members));
  }

  /**
   * Reads claims from a JSON object text (for tools and tests; the codec does this itself).
   *
   * @throws IllegalArgumentException if the text is not a JSON object; the message names the
   *     problem, never the content
   */
  public static SessionClaims fromJson(String json) {
    Object value = JsonParser.parse(json);
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("claims must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return new SessionClaims(typed);
  }

  /**
   * The claims as one JSON object text, as {@code JSON.stringify} writes them. Contains the CAT: do
   * not log.
   */
  public String toJson() {
    JsonOutput out = new JsonOutput(512);
    out.writeValue(members);
    return out.toUtf8String();
  }

  /** Nullable; null also when the claim is not a string (so for every string accessor here). */
  public String name() {
    return string(NAME);
  }

  /** Nullable. */
  public String email() {
    return string(EMAIL);
  }

  /** Nullable. */
  public String picture() {
    return string(PICTURE);
  }

  /** Nullable. */
  public String sub() {
    return string(SUB);
  }

  /** The {@code user} claim when it is an object; empty when absent, null or another JSON type. */
  public Optional<SessionUser> user() {
    return Optional.ofNullable(user);
  }

  /**
   * {@code iat}, or null when absent (claims not yet encoded) or not a number; see {@link
   * #toInstant}.
   */
  public Instant issuedAt() {
    return toInstant(members.get(IAT));
  }

  /**
   * {@code exp}, or null when absent (claims not yet encoded) or not a number; see {@link
   * #toInstant}.
   */
  public Instant expiresAt() {
    return toInstant(members.get(EXP));
  }

  /**
   * {@code auth_time}: when the shopper signed in, which bounds an absolute session lifetime; null
   * when absent (a session from before the claim, or minted by Auth.js) or not a number; see {@link
   * #toInstant}.
   */
  public Instant authTime() {
    return toInstant(members.get(AUTH_TIME));
  }

  /**
   * {@code cat_checked_at}: when the store last confirmed the customer access token (at sign-in,
   * then once per revalidation interval); null when absent or not a number; see {@link #toInstant}.
   */
  public Instant customerAccessTokenCheckedAt() {
    return toInstant(members.get(CAT_CHECKED_AT));
  }

  /**
   * {@code impersonator_id}: the store staff member who signed in as this customer, as text (a JSON
   * number or string); null when absent or JSON null. Any other present value reads as {@code
   * "unknown"}, so a session that names an impersonator at all counts as impersonated (fail
   * closed).
   */
  public String impersonatorId() {
    Object value = members.get(IMPERSONATOR_ID);
    if (value == null) {
      return null;
    }
    if (value instanceof String text && !text.isEmpty()) {
      return text;
    }
    if (value instanceof Long number) {
      return number.toString();
    }
    if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15) {
      return Long.toString(number.longValue());
    }
    return "unknown";
  }

  /** Nullable. */
  public String jti() {
    return string(JTI);
  }

  /**
   * True when this is an anonymous session: a {@code user} without a customer access token, nothing
   * about a person.
   */
  public boolean isAnonymous() {
    return user().map(u -> u.customerAccessToken().isEmpty()).orElse(true)
        && name() == null
        && email() == null
        && sub() == null;
  }

  /**
   * Claims the project does not know, in order, unmodifiable (values: null, String, Boolean, Long,
   * Double, List, Map).
   */
  public Map<String, Object> extra() {
    Map<String, Object> extra = new LinkedHashMap<>();
    members.forEach(
        (key, value) -> {
          if (!KNOWN.contains(key)) {
            extra.put(key, value);
          }
        });
    return Collections.unmodifiableMap(extra);
  }

  /** The JSON members in order; {@code user} as its member map. */
  Map<String, Object> members() {
    return members;
  }

  /**
   * Epoch seconds (JSON number) to Instant: the one place this conversion happens. Numbers beyond
   * Instant's range (which Auth.js accepts, up to the infinities) become {@link Instant#MIN} or
   * {@link Instant#MAX}; anything else that is not a number is null.
   */
  static Instant toInstant(Object epochSeconds) {
    if (epochSeconds instanceof Long seconds) {
      return seconds > MAX_EPOCH_SECOND
          ? Instant.MAX
          : seconds < MIN_EPOCH_SECOND ? Instant.MIN : Instant.ofEpochSecond(seconds);
    }
    if (epochSeconds instanceof Double seconds) {
      if (seconds >= MAX_EPOCH_SECOND + 1.0) {
        return Instant.MAX;
      }
      if (seconds < MIN_EPOCH_SECOND) {
        return Instant.MIN;
      }
      double floor = Math.floor(seconds);
      return Instant.ofEpochSecond((long) floor, (long) ((seconds - floor) * 1_000_000_000L));
    }
    return null;
  }

  private static final long MAX_EPOCH_SECOND = Instant.MAX.getEpochSecond();
  private static final long MIN_EPOCH_SECOND = Instant.MIN.getEpochSecond();

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionClaims that && members.equals(that.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return "SessionClaims[name="
        + name()
        + ", email="
        + email()
        + ", sub="
        + sub()
        + ", user="
        + user
        + ", iat="
        + members.get(IAT)
        + ", exp="
        + members.get(EXP)
        + ", auth_time="
        + members.get(AUTH_TIME)
        + ", jti="
        + jti()
        + ", extra="
        + extra().keySet()
        + "]";
  }

  /** Builds {@link SessionClaims}; setting a known claim keeps its position, a null removes it. */
  public static final class Builder {
    private final LinkedHashMap<String, Object> members;

    private Builder(LinkedHashMap<String, Object> members) {
      this.members = members;
    }

    public Builder name(String name) {
      return putOrRemove(NAME, name);
    }

    public Builder email(String email) {
      return putOrRemove(EMAIL, email);
    }

    public Builder picture(String picture) {
      return putOrRemove(PICTURE, picture);
    }

    public Builder sub(String sub) {
      return putOrRemove(SUB, sub);
    }

    public Builder user(SessionUser user) {
      return putOrRemove(USER, user == null ? null : user.members());
    }

    /** Usually left to the codec, which sets it on encode. Whole seconds. */
    public Builder issuedAt(Instant issuedAt) {
      return putOrRemove(IAT, issuedAt == null ? null : issuedAt.getEpochSecond());
    }

    /** Usually left to the codec, which sets it on encode. Whole seconds. */
    public Builder expiresAt(Instant expiresAt) {
      return putOrRemove(EXP, expiresAt == null ? null : expiresAt.getEpochSecond());
    }

    /** The sign-in time ({@code auth_time}), whole seconds; null removes it. */
    public Builder authTime(Instant authTime) {
      return putOrRemove(AUTH_TIME, authTime == null ? null : authTime.getEpochSecond());
    }

    /**
     * When the store last confirmed the customer access token ({@code cat_checked_at}), whole
     * seconds.
     */
    public Builder customerAccessTokenCheckedAt(Instant checkedAt) {
      return putOrRemove(CAT_CHECKED_AT, checkedAt == null ? null : checkedAt.getEpochSecond());
    }

    /**
     * The staff member signed in as the customer ({@code impersonator_id}, a JSON number); null
     * removes it.
     */
    public Builder impersonatorId(Long impersonatorId) {
      return putOrRemove(IMPERSONATOR_ID, impersonatorId);
    }

    /** Copies {@code impersonator_id} exactly as {@code other} holds it (raw value, or absent). */
    public Builder impersonatorOf(SessionClaims other) {
      return putOrRemove(IMPERSONATOR_ID, other.members.get(IMPERSONATOR_ID));
    }

    /** Usually left to the codec, which sets a random UUID on encode. */
    public Builder jti(String jti) {
      return putOrRemove(JTI, jti);
    }

    /** Sets an unknown claim (a JSON value; null is kept as null). */
    public Builder extra(String name, Object value) {
      if (name == null || KNOWN.contains(name)) {
        throw new IllegalArgumentException(name + " is a known claim; use its setter");
      }
      members.put(name, JsonValues.normalize(value));
      return this;
    }

    /** Sets every entry of {@code extra} as an unknown claim. */
    public Builder extra(Map<String, ?> extra) {
      extra.forEach(this::extra);
      return this;
    }

    public Builder removeExtra(String name) {
      if (!KNOWN.contains(name)) {
        members.remove(name);
      }
      return this;
    }

    private Builder putOrRemove(String name, Object value) {
      if (value == null) {
        members.remove(name);
      } else {
        members.put(name, value);
      }
      return this;
    }

    public SessionClaims build() {
      return new SessionClaims(Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }
  }
}
