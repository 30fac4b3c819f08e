package dev.storefrontsession.sandbox.internal.schema;

/** Implementations of the GraphQL interface {@code ProductAvailability}. */
public final class Availability {
  private Availability() {}

  public record ProductAvailable(String status, String description) {}

  public record ProductUnavailable(String message, String status, String description) {}
}
