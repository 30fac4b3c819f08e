package dev.storefrontsession.sandbox.internal.schema;

import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.CheckboxesFormField;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.Field;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.FormFieldOption;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.PasswordFormField;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.PicklistFormField;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.PicklistOrTextFormField;
import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.TextFormField;
import java.util.List;

/**
 * The sandbox store's sign-up and address forms and the countries it ships to. The built-in fields
 * carry BigCommerce's built-in field ids (email 1, password 2, confirm password 3, first name 4,
 * last name 5, company 6, phone 7, address lines 8 and 9, city 10, country 11, state 12, postcode
 * 13, current password 24, exclusive offers 25: the ids storefronts such as Catalyst map to the
 * inputs of {@code registerCustomer}); the country ids are the sandbox's own.
 */
public final class StoreForms {
  private StoreForms() {}

  /** GraphQL {@code StateOrProvince}. */
  public record StateOrProvince(int entityId, String name, String abbreviation) {}

  /** GraphQL {@code Country}. */
  public record Country(
      int entityId, String code, String name, List<StateOrProvince> statesOrProvinces) {}

  public static final List<Country> COUNTRIES =
      List.of(
          new Country(
              13,
              "AU",
              "Australia",
              List.of(
                  new StateOrProvince(209, "New South Wales", "NSW"),
                  new StateOrProvince(214, "Victoria", "VIC"))),
          new Country(
              38,
              "CA",
              "Canada",
              List.of(
                  new StateOrProvince(66, "British Columbia", "BC"),
                  new StateOrProvince(69, "Ontario", "ON"),
                  new StateOrProvince(71, "Quebec", "QC"))),
          new Country(73, "FR", "France", List.of()),
          new Country(81, "DE", "Germany", List.of()),
          new Country(225, "GB", "United Kingdom", List.of()),
          new Country(
              226,
              "US",
              "United States",
              List.of(
                  new StateOrProvince(12, "California", "CA"),
                  new StateOrProvince(43, "New York", "NY"),
                  new StateOrProvince(57, "Texas", "TX"),
                  new StateOrProvince(62, "Washington", "WA"))));

  /** The account fields of the sign-up and account settings forms. */
  public static final List<Field> CUSTOMER =
      List.of(
          new TextFormField(1, "Email Address", 1, true, true, null, 255),
          new PasswordFormField(2, "Password", 2, true, true, null, null),
          new PasswordFormField(3, "Confirm Password", 3, true, true, null, null),
          new TextFormField(4, "First Name", 4, true, true, null, 100),
          new TextFormField(5, "Last Name", 5, true, true, null, 100),
          new TextFormField(6, "Company Name", 6, true, false, null, 255),
          new TextFormField(7, "Phone Number", 7, true, false, null, 50),
          new PasswordFormField(24, "Current Password", 24, true, false, null, null),
          new CheckboxesFormField(
              25,
              "Receive exclusive offers",
              25,
              true,
              false,
              List.of(new FormFieldOption(1, "I would like to receive updates and offers."))));

  /** The fields of an address (shipping and billing alike). */
  public static final List<Field> ADDRESS =
      List.of(
          new TextFormField(4, "First Name", 1, true, true, null, 100),
          new TextFormField(5, "Last Name", 2, true, true, null, 100),
          new TextFormField(6, "Company Name", 3, true, false, null, 255),
          new TextFormField(7, "Phone Number", 4, true, false, null, 50),
          new TextFormField(8, "Address Line 1", 5, true, true, null, 255),
          new TextFormField(9, "Address Line 2", 6, true, false, null, 255),
          new TextFormField(10, "Suburb/City", 7, true, true, null, 100),
          new PicklistFormField(
              11,
              "Country",
              8,
              true,
              true,
              "Choose a Country",
              COUNTRIES.stream().map(c -> new FormFieldOption(c.entityId(), c.name())).toList()),
          new PicklistOrTextFormField(12, "State/Province", 9, true, true, "Choose a State", 100),
          new TextFormField(13, "Zip/Postcode", 10, true, true, null, 20));
}
