package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.service.AddressInput;
import dev.storefrontsession.sandbox.internal.service.CustomerService;
import dev.storefrontsession.sandbox.internal.store.AddressRecord;
import dev.storefrontsession.sandbox.internal.store.AddressRepository;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code Query.customer}, the {@code Customer} type and {@code customer { … }} mutations. */
@Controller
public class CustomerController {

  /** The {@code customer} mutation namespace object. */
  static final Object NAMESPACE = new Object();

  public record AddCustomerAddressInput(
      String firstName,
      String lastName,
      String address1,
      String address2,
      String city,
      String company,
      String countryCode,
      String stateOrProvince,
      String phone,
      String postalCode) {
    AddressInput toInput() {
      return new AddressInput(
          firstName,
          lastName,
          address1,
          address2,
          city,
          company,
          countryCode,
          stateOrProvince,
          phone,
          postalCode);
    }
  }

  public record RegisterCustomerInput(
      String firstName,
      String lastName,
      String email,
      String password,
      String phone,
      String company,
      AddCustomerAddressInput address) {}

  public record UpdateCustomerInput(
      String firstName, String lastName, String email, String phone, String company) {}

  public record ChangePasswordInput(String currentPassword, String newPassword) {}

  public record RequestResetPasswordInput(String email, String path) {}

  public record ResetPasswordInput(Integer customerEntityId, String token, String newPassword) {}

  public record UpdateCustomerAddressInput(Integer addressEntityId, AddCustomerAddressInput data) {}

  public record DeleteCustomerAddressInput(Integer addressEntityId) {}

  private final CustomerService customers;
  private final AddressRepository addresses;

  public CustomerController(CustomerService customers, AddressRepository addresses) {
    this.customers = customers;
    this.addresses = addresses;
  }

  @QueryMapping
  public CustomerRecord customer(@ContextValue(name = Requester.KEY) Requester requester) {
    return customers.current(requester).orElse(null);
  }

  @SchemaMapping(typeName = "Customer")
  public String notes(CustomerRecord customer) {
    return "";
  }

  @SchemaMapping(typeName = "Customer")
  public String taxExemptCategory(CustomerRecord customer) {
    return "";
  }

  @SchemaMapping(typeName = "Customer")
  public int addressCount(CustomerRecord customer) {
    return addresses.count(customer.entityId());
  }

  @SchemaMapping(typeName = "Customer")
  public int attributeCount(CustomerRecord customer) {
    return 0;
  }

  @SchemaMapping(typeName = "Customer")
  public List<Object> storeCredit(CustomerRecord customer) {
    return List.of();
  }

  @SchemaMapping(typeName = "Customer")
  public Connection<AddressRecord> addresses(
      CustomerRecord customer,
      @Argument String before,
      @Argument String after,
      @Argument Integer first,
      @Argument Integer last) {
    return Connection.of(addresses.list(customer.entityId()), first, after, last, before);
  }

  @SchemaMapping(typeName = "CustomerAddress")
  public List<Object> formFields(AddressRecord address) {
    return List.of();
  }

  @SchemaMapping(typeName = "CustomerAddress")
  public String country(AddressRecord address) {
    return new java.util.Locale("", address.countryCode()).getDisplayCountry(java.util.Locale.US);
  }

  @MutationMapping(name = "customer")
  public Object customerMutations() {
    return NAMESPACE;
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.CustomerResult registerCustomer(@Argument RegisterCustomerInput input) {
    return customers.register(
        input.firstName(),
        input.lastName(),
        input.email(),
        input.password(),
        input.phone(),
        input.company(),
        input.address() == null ? null : input.address().toInput());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.CustomerResult updateCustomer(
      @Argument UpdateCustomerInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return customers.update(
        requester,
        input.firstName(),
        input.lastName(),
        input.email(),
        input.phone(),
        input.company());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.ErrorsResult changePassword(
      @Argument ChangePasswordInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return customers.changePassword(requester, input.currentPassword(), input.newPassword());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.ErrorsResult requestResetPassword(@Argument RequestResetPasswordInput input) {
    return customers.requestResetPassword(input.email(), input.path());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.ErrorsResult resetPassword(@Argument ResetPasswordInput input) {
    return customers.resetPassword(input.customerEntityId(), input.token(), input.newPassword());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.AddressResult addCustomerAddress(
      @Argument AddCustomerAddressInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return customers.addAddress(requester, input.toInput());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.AddressResult updateCustomerAddress(
      @Argument UpdateCustomerAddressInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return customers.updateAddress(requester, input.addressEntityId(), input.data().toInput());
  }

  @SchemaMapping(typeName = "CustomerMutations")
  public Results.ErrorsResult deleteCustomerAddress(
      @Argument DeleteCustomerAddressInput input,
      @ContextValue(name = Requester.KEY) Requester requester) {
    return customers.deleteAddress(requester, input.addressEntityId());
  }
}
