package dev.storefrontsession.sandbox.internal.service;

/**
 * Address fields from {@code AddCustomerAddressInput} / {@code UpdateCustomerAddressDataInput}
 * (nulls = absent).
 */
public record AddressInput(
    String firstName,
    String lastName,
    String address1,
    String address2,
    String city,
    String company,
    String countryCode,
    String stateOrProvince,
    String phone,
    String postalCode) {}
