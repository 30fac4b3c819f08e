package dev.storefrontsession.sandbox.internal.store;

/** A customer's saved address (GraphQL {@code CustomerAddress}). */
public record AddressRecord(
    long entityId,
    long customerId,
    String firstName,
    String lastName,
    String company,
    String address1,
    String address2,
    String city,
    String stateOrProvince,
    String postalCode,
    String countryCode,
    String phone) {}
