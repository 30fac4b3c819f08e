package dev.storefrontsession.sandbox.internal.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A Relay-style connection over an already loaded list (every list the sandbox pages is small).
 * Cursors are opaque base64 offsets. {@code first}/{@code after} page forwards, {@code last}/{@code
 * before} backwards; without any, the first {@link #DEFAULT_PAGE_SIZE} items.
 */
public record Connection<T>(PageInfo pageInfo, List<Edge<T>> edges, CollectionInfo collectionInfo) {

  public static final int DEFAULT_PAGE_SIZE = 10;
  public static final int MAX_PAGE_SIZE = 50;

  /** GraphQL {@code PageInfo}. */
  public record PageInfo(
      boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

  /** A connection edge. */
  public record Edge<T>(T node, String cursor) {}

  /** GraphQL {@code CollectionInfo}. */
  public record CollectionInfo(Long totalItems) {}

  public static <T> Connection<T> of(
      List<T> all, Integer first, String after, Integer last, String before) {
    if ((first != null && first < 0) || (last != null && last < 0)) {
      throw new IllegalArgumentException("first and last must not be negative");
    }
    int start = 0;
    int end = all.size();
    if (after != null) {
      start = Math.min(end, Math.max(0, decode(after) + 1));
    }
    if (before != null) {
      end = Math.max(start, Math.min(end, decode(before)));
    }
    if (first != null) {
      end = Math.min(end, start + Math.min(first, MAX_PAGE_SIZE));
    } else if (last != null) {
      start = Math.max(start, end - Math.min(last, MAX_PAGE_SIZE));
    } else {
      end = Math.min(end, start + DEFAULT_PAGE_SIZE);
    }
    List<Edge<T>> edges = new ArrayList<>(Math.max(0, end - start));
    for (int i = start; i < end; i++) {
      edges.add(new Edge<>(all.get(i), encode(i)));
    }
    PageInfo info =
        new PageInfo(
            end < all.size(),
            start > 0,
            edges.isEmpty() ? null : edges.get(0).cursor(),
            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
    return new Connection<>(info, edges, new CollectionInfo((long) all.size()));
  }

  static String encode(int offset) {
    return Base64.getEncoder()
        .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int decode(String cursor) {
    try {
      String text = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("offset:")) {
        throw new IllegalArgumentException();
      }
      return Integer.parseInt(text.substring(7));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException(cursor);
    }
  }

  /** A cursor this sandbox did not issue. */
  public static final class InvalidCursorException extends IllegalArgumentException {
    InvalidCursorException(String cursor) {
      super("Invalid cursor: " + cursor);
    }
  }
}
