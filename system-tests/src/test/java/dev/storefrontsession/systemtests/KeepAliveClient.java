package dev.storefrontsession.systemtests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive socket, for load: far cheaper per request than a
 * general client, so the server, not the client, is what the two cores spend their time on.
 * Reconnects when the server closes. Not thread-safe: one per client thread.
 */
final class KeepAliveClient implements AutoCloseable {

  record Response(int status, List<String> setCookies, String body) {}

  private final URI base;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(URI base) {
    this.base = base;
  }

  Response get(String path, String cookieHeader) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        connect();
        StringBuilder request = new StringBuilder(256 + cookieHeader.length());
        request
            .append("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort())
            .append("\r\nAccept: */*\r\n");
        if (!cookieHeader.isEmpty()) {
          request.append("Cookie: ").append(cookieHeader).append("\r\n");
        }
        request.append("\r\n");
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read();
      } catch (IOException e) {
        close();
        if (attempt >= 1) {
          throw e;
        }
      }
    }
  }

  private void connect() throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
      socket.setSoTimeout(60_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = socket.getOutputStream();
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new IOException("connection closed");
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    List<String> setCookies = new ArrayList<>();
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    String header;
    while ((header = line()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> close = value.equalsIgnoreCase("close");
        case "set-cookie" -> setCookies.add(value);
        default -> {}
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (; ; ) {
        String size = line();
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          while (!line().isEmpty()) {
            // trailers
          }
          break;
        }
        body.write(in.readNBytes(n));
        line();
      }
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    } else if (status != 204 && status != 304 && !(status >= 100 && status < 200)) {
      body.write(in.readAllBytes());
      close = true;
    }
    if (close) {
      close();
    }
    return new Response(status, setCookies, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
          b.setLength(len - 1);
        }
        return b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    in = null;
    out = null;
  }
}
