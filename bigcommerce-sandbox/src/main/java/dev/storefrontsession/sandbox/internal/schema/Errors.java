package dev.storefrontsession.sandbox.internal.schema;

import java.util.List;

/**
 * Typed mutation errors, returned inside {@code data}. Each record's simple name is its GraphQL
 * type name (the type resolver relies on it).
 */
public final class Errors {
  private Errors() {}

  public record ValidationError(List<String> path, String message) {}

  public record EmailAlreadyInUseError(String message) {}

  public record AccountCreationDisabledError(String message) {}

  public record CustomerRegistrationError(String message) {}

  public record CustomerNotLoggedInError(String message) {
    public static CustomerNotLoggedInError standard() {
      return new CustomerNotLoggedInError("Customer is not logged in.");
    }
  }

  public record CustomerDoesNotExistError(String message) {}

  public record CustomerPasswordError(String message) {}

  public record UnexpectedUpdateCustomerError(String message) {}

  public record CustomerAddressCreationError(String message) {}

  public record AddressDoesNotExistError(String message) {}

  public record CustomerAddressUpdateError(String message) {}

  public record CustomerAddressDeletionError(String message) {}

  public record CartUnassignInaccessibleError(String message) {}

  public record CartUnassignNotAllowedError(String message) {}

  public record CreateSubscriberAlreadyExistsError(String message) {}

  public record CreateSubscriberEmailInvalidError(String message) {}

  public record CreateSubscriberFirstNameInvalidError(String message) {}

  public record CreateSubscriberLastNameInvalidError(String message) {}

  public record RemoveSubscriberEmailInvalidError(String message) {}

  public record ProductIdNotFoundError(String message) {}

  public record InvalidInputFieldsError(List<String> fields, String message) {}

  public record CustomerAlreadyReviewedProductError(String message) {}

  public record NotFoundError(String message) {}
}
