package dev.storefrontsession.spring.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a {@link ShopperRequestState} on every request and writes its cookie changes just before the
 * response commits (before the first body byte, a redirect, an error, or at the end of the chain).
 * Runs before Spring Security's filter chain. URLs are never rewritten with a session id ({@code
 * encodeURL} returns its argument): the shopper's state is in cookies, and the container's URL
 * encoding costs every rendered link an absolute-URL check. Thread-safe (stateless).
 */
public final class ShopperSessionFilter extends OncePerRequestFilter {

  /** Runs before Spring Security's filter chain ({@code -100}). */
  public static final int ORDER = -110;

  /**
   * The marker {@link OncePerRequestFilter} sets, as a constant instead of a string built on every
   * request.
   */
  private static final String ALREADY_FILTERED = ShopperSessionFilter.class.getName() + ".FILTERED";

  private final SessionSettings settings;

  /**
   * Requests under these paths (the Actuator's, e.g. {@code /actuator}) are not the shopper's: no
   * state, no cookies.
   */
  private final String[] skippedPaths;

  private final RequestChannels channels;
  private final SessionRevalidator revalidator;

  /** Without revalidation: sessions are never checked with the store. */
  public ShopperSessionFilter(SessionSettings settings, RequestChannels channels) {
    this(settings, channels, java.util.List.of(), null);
  }

  /**
   * @param skippedPaths paths such as {@code /actuator}: each and everything below it pass by
   *     untouched (probes and metrics scrapes get no cookie and cost no decode)
   */
  public ShopperSessionFilter(
      SessionSettings settings, RequestChannels channels, java.util.List<String> skippedPaths) {
    this(settings, channels, skippedPaths, null);
  }

  /**
   * @param revalidator checks a signed-in session's customer access token once per {@link
   *     SessionPolicy#revalidateInterval()}; null: never
   */
  public ShopperSessionFilter(
      SessionSettings settings, RequestChannels channels, SessionRevalidator revalidator) {
    this(settings, channels, java.util.List.of(), revalidator);
  }

  /**
   * @param channels the locale and channel of each request (the session's cart is the channel's)
   * @param skippedPaths paths such as {@code /actuator}: each and everything below it pass by
   *     untouched (probes and metrics scrapes get no cookie and cost no decode)
   * @param revalidator checks a signed-in session's customer access token once per {@link
   *     SessionPolicy#revalidateInterval()}; null: never
   */
  public ShopperSessionFilter(
      SessionSettings settings,
      RequestChannels channels,
      java.util.List<String> skippedPaths,
      SessionRevalidator revalidator) {
    this.settings = settings;
    this.channels = channels;
    this.revalidator = revalidator;
    this.skippedPaths =
        skippedPaths.stream()
            .filter(p -> p != null && !p.isEmpty() && !p.equals("/"))
            .toArray(String[]::new);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    for (String path : skippedPaths) {
      if (isUnder(request, path)) {
        return true;
      }
    }
    return false;
  }

  /** {@code /livez} and {@code /readyz} when the Actuator maps the probes there too, else none. */
  public static java.util.List<String> probePaths(
      org.springframework.core.env.Environment environment) {
    return environment.getProperty(
            "management.endpoint.health.probes.add-additional-paths", Boolean.class, false)
        ? java.util.List.of("/livez", "/readyz")
        : java.util.List.of();
  }

  /**
   * The Actuator's base path on the server's port ({@code management.endpoints.web.base-path},
   * default {@code /actuator}), or null when it is the root.
   */
  public static String actuatorPath(org.springframework.core.env.Environment environment) {
    String path =
        environment.getProperty("management.endpoints.web.base-path", "/actuator").strip();
    String servlet = environment.getProperty("management.server.base-path", "").strip();
    if (!servlet.isEmpty() && environment.getProperty("management.server.port") == null) {
      path = servlet + path;
    }
    return path.isEmpty() || path.equals("/") ? null : path;
  }

  /**
   * True when the request's path (after the context path) is {@code path} or below it; false for a
   * null path.
   */
  public static boolean isUnder(HttpServletRequest request, String path) {
    if (path == null) {
      return false;
    }
    String uri = request.getRequestURI();
    int from = request.getContextPath().length();
    if (!uri.startsWith(path, from)) {
      return false;
    }
    int end = from + path.length();
    return uri.length() == end || uri.charAt(end) == '/' || uri.charAt(end) == ';';
  }

  @Override
  protected String getAlreadyFilteredAttributeName() {
    return ALREADY_FILTERED;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ShopperRequestState state = new ShopperRequestState(settings, channels, request, revalidator);
    request.setAttribute(ShopperRequestState.ATTRIBUTE, state);
    CookieWritingResponse wrapped = new CookieWritingResponse(response, state);
    try {
      chain.doFilter(request, wrapped);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      state.markUpstreamFailure();
      throw e;
    } finally {
      wrapped.writeCookies(response.getStatus());
    }
  }

  /**
   * Writes the cookie changes once, at the last moment headers can still change: before the body is
   * first obtained, a flush, a redirect or an error, or when the chain returns.
   */
  private static final class CookieWritingResponse extends HttpServletResponseWrapper {
    private final HttpServletResponse delegate;
    private final ShopperRequestState state;

    CookieWritingResponse(HttpServletResponse response, ShopperRequestState state) {
      super(response);
      this.delegate = response;
      this.state = state;
    }

    @Override
    public void sendError(int sc) throws IOException {
      writeCookies(sc);
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      writeCookies(sc);
      super.sendError(sc, msg);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      writeCookies(HttpServletResponse.SC_FOUND);
      super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
      writeCookies(sc);
      super.sendRedirect(location, sc, clearBuffer);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      writeCookies(delegate.getStatus());
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      writeCookies(delegate.getStatus());
      return super.getWriter();
    }

    @Override
    public String encodeURL(String url) {
      return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
      return url;
    }

    @Override
    public void flushBuffer() throws IOException {
      writeCookies(delegate.getStatus());
      super.flushBuffer();
    }

    void writeCookies(int status) {
      if (state.isFinished() || delegate.isCommitted()) {
        return;
      }
      for (String header : state.finish(status)) {
        delegate.addHeader("Set-Cookie", header);
      }
    }
  }
}
