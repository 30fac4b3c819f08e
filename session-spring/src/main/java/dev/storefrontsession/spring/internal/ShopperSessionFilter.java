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
 * Puts a {@link ShopperRequestState} on every request and writes its cookie changes just before the response
 * commits (before the first body byte, a redirect, an error, or at the end of the chain). Runs before Spring
 * Security's filter chain. URLs are never rewritten with a session id ({@code encodeURL} returns its argument): the
 * shopper's state is in cookies, and the container's URL encoding costs every rendered link an absolute-URL check.
 * Thread-safe (stateless).
 */
public final class ShopperSessionFilter extends OncePerRequestFilter {

  /** Runs before Spring Security's filter chain ({@code -100}). */
  public static final int ORDER = -110;

  /** The marker {@link OncePerRequestFilter} sets, as a constant instead of a string built on every request. */
  private static final String ALREADY_FILTERED = ShopperSessionFilter.class.getName() + ".FILTERED";

  private final SessionSettings settings;
  private final RequestChannels channels;

  public ShopperSessionFilter(SessionSettings settings, RequestChannels channels) {
    this.settings = settings;
    this.channels = channels;
  }

  @Override
  protected String getAlreadyFilteredAttributeName() {
    return ALREADY_FILTERED;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ShopperRequestState state = new ShopperRequestState(settings, channels, request);
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
   * Writes the cookie changes once, at the last moment headers can still change: before the body is first obtained,
   * a flush, a redirect or an error, or when the chain returns.
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
