package dev.storefrontsession.client;

import java.util.Locale;

/** The kind of a GraphQL operation, as sent in the {@code type} query parameter. */
public enum OperationType {
  QUERY,
  MUTATION,
  SUBSCRIPTION;

  /** The lower-case keyword used in documents and in the endpoint's {@code type} parameter. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }
}
