package dev.storefrontsession.sandbox.internal.service;

import dev.storefrontsession.sandbox.internal.auth.CustomerAccessTokens;
import dev.storefrontsession.sandbox.internal.auth.LoginThrottle;
import dev.storefrontsession.sandbox.internal.auth.PasswordPolicy;
import dev.storefrontsession.sandbox.internal.auth.PasswordResets;
import dev.storefrontsession.sandbox.internal.auth.Passwords;
import dev.storefrontsession.sandbox.internal.auth.Requester;
import dev.storefrontsession.sandbox.internal.schema.Errors;
import dev.storefrontsession.sandbox.internal.schema.Results;
import dev.storefrontsession.sandbox.internal.store.AddressRecord;
import dev.storefrontsession.sandbox.internal.store.AddressRepository;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.CustomerRecord;
import dev.storefrontsession.sandbox.internal.store.CustomerRepository;
import dev.storefrontsession.sandbox.internal.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Account mutations: registration, profile, passwords, addresses. Typed errors as BigCommerce's
 * unions.
 */
public final class CustomerService {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
  private static final int MAX_NAME = 100;

  private final CustomerRepository customers;
  private final AddressRepository addresses;
  private final Passwords passwords;
  private final PasswordResets resets;
  private final CustomerAccessTokens tokens;
  private final LoginThrottle throttle;
  private final Tx tx;
  private final Clock clock;

  public CustomerService(
      CustomerRepository customers,
      AddressRepository addresses,
      Passwords passwords,
      PasswordResets resets,
      CustomerAccessTokens tokens,
      LoginThrottle throttle,
      Tx tx,
      Clock clock) {
    this.customers = customers;
    this.addresses = addresses;
    this.passwords = passwords;
    this.resets = resets;
    this.tokens = tokens;
    this.throttle = throttle;
    this.tx = tx;
    this.clock = clock;
  }

  public Optional<CustomerRecord> current(Requester requester) {
    return requester.isGuest() ? Optional.empty() : customers.findById(requester.customerId());
  }

  public Results.CustomerResult register(
      String firstName,
      String lastName,
      String email,
      String password,
      String phone,
      String company,
      AddressInput address) {
    List<Object> errors = new ArrayList<>();
    requireName(errors, "firstName", firstName);
    requireName(errors, "lastName", lastName);
    if (email == null || !EMAIL.matcher(email.trim()).matches() || email.length() > 255) {
      errors.add(
          new Errors.ValidationError(List.of("input", "email"), "Email address is not valid."));
    }
    PasswordPolicy.violation(password)
        .ifPresent(v -> errors.add(new Errors.ValidationError(List.of("input", "password"), v)));
    if (address != null) {
      errors.addAll(validateAddress(address, true, List.of("input", "address")));
    }
    if (!errors.isEmpty()) {
      return new Results.CustomerResult(null, errors);
    }
    String hash = passwords.hash(password);
    return tx.run(
        () -> {
          if (customers.emailTaken(email, null)) {
            return new Results.CustomerResult(
                null,
                List.of(
                    new Errors.EmailAlreadyInUseError(
                        "The email address " + email.trim() + " is already in use.")));
          }
          long id =
              customers.insert(
                  email,
                  hash,
                  firstName.trim(),
                  lastName.trim(),
                  nz(phone),
                  nz(company),
                  Catalog.DEFAULT_CUSTOMER_GROUP,
                  clock.instant());
          if (address != null) {
            addresses.insert(record(0, id, address));
          }
          return new Results.CustomerResult(customers.findById(id).orElseThrow(), List.of());
        });
  }

  /**
   * Why a token from store staff's "login as customer" cannot change the password or the email
   * address.
   */
  static final String IMPERSONATED =
      "Not allowed while signed in as the customer by store staff (login as customer).";

  public Results.CustomerResult update(
      Requester requester,
      String firstName,
      String lastName,
      String email,
      String phone,
      String company) {
    if (requester.isGuest()) {
      return new Results.CustomerResult(null, List.of(Errors.CustomerNotLoggedInError.standard()));
    }
    List<Object> errors = new ArrayList<>();
    if (firstName != null) {
      requireName(errors, "firstName", firstName);
    }
    if (lastName != null) {
      requireName(errors, "lastName", lastName);
    }
    if (email != null && (!EMAIL.matcher(email.trim()).matches() || email.length() > 255)) {
      errors.add(
          new Errors.ValidationError(List.of("input", "email"), "Email address is not valid."));
    }
    if (!errors.isEmpty()) {
      return new Results.CustomerResult(null, errors);
    }
    return tx.run(
        () -> {
          Optional<CustomerRecord> found = customers.findById(requester.customerId());
          if (found.isEmpty()) {
            return new Results.CustomerResult(
                null, List.of(new Errors.CustomerDoesNotExistError("Customer does not exist.")));
          }
          CustomerRecord c = found.get();
          if (email != null
              && requester.impersonatorId() != null
              && !email.trim().equalsIgnoreCase(c.email())) {
            return new Results.CustomerResult(
                null, List.of(new Errors.ValidationError(List.of("input", "email"), IMPERSONATED)));
          }
          if (email != null && customers.emailTaken(email, c.entityId())) {
            return new Results.CustomerResult(
                null,
                List.of(
                    new Errors.EmailAlreadyInUseError(
                        "The email address " + email.trim() + " is already in use.")));
          }
          customers.update(
              c.entityId(),
              email != null ? email : c.email(),
              firstName != null ? firstName.trim() : c.firstName(),
              lastName != null ? lastName.trim() : c.lastName(),
              phone != null ? phone.trim() : c.phone(),
              company != null ? company.trim() : c.company(),
              clock.instant());
          return new Results.CustomerResult(
              customers.findById(c.entityId()).orElseThrow(), List.of());
        });
  }

  /**
   * Changes the password. Wrong current passwords count against the same throttle as {@code login}
   * (per email and IP); a change signs the customer out everywhere else: every other access token
   * is revoked, the one that made the request stays valid.
   */
  public Results.ErrorsResult changePassword(
      Requester requester, String currentPassword, String newPassword) {
    if (requester.isGuest()) {
      return errors(Errors.CustomerNotLoggedInError.standard());
    }
    if (requester.impersonatorId() != null) {
      return errors(new Errors.CustomerPasswordError(IMPERSONATED));
    }
    Optional<CustomerRecord> found = customers.findById(requester.customerId());
    if (found.isEmpty()) {
      return errors(new Errors.CustomerDoesNotExistError("Customer does not exist."));
    }
    LoginThrottle.Attempt attempt = throttle.begin(found.get().email(), requester.clientIp());
    attempt
        .lockedFor()
        .ifPresent(
            wait -> {
              throw LoginService.tooManyAttempts(wait);
            });
    if (!passwords.matches(
        currentPassword == null ? "" : currentPassword, found.get().passwordHash())) {
      return errors(
          new Errors.ValidationError(
              List.of("input", "currentPassword"), "The current password is incorrect."));
    }
    attempt.succeeded();
    Optional<String> violation = PasswordPolicy.violation(newPassword);
    if (violation.isPresent()) {
      return errors(new Errors.CustomerPasswordError(violation.get()));
    }
    if (newPassword.equals(currentPassword)) {
      return errors(
          new Errors.CustomerPasswordError(
              "The new password must differ from the current password."));
    }
    String hash = passwords.hash(newPassword);
    return tx.run(
        () -> {
          customers.updatePassword(requester.customerId(), hash, clock.instant());
          tokens.revokeAllExcept(requester.customerId(), requester.accessTokenHash());
          return new Results.ErrorsResult(List.of());
        });
  }

  /** Always succeeds for a well-formed email (whether an account exists is not revealed). */
  public Results.ErrorsResult requestResetPassword(String email, String path) {
    if (email == null || !EMAIL.matcher(email.trim()).matches()) {
      return errors(
          new Errors.ValidationError(List.of("input", "email"), "Email address is not valid."));
    }
    return tx.run(
        () -> {
          customers.findByEmail(email).ifPresent(c -> resets.issue(c.entityId(), c.email(), path));
          return new Results.ErrorsResult(List.of());
        });
  }

  /**
   * Sets a new password with a reset token; clears "reset required", revokes every access token of
   * the customer and invalidates every other outstanding reset token.
   */
  public Results.ErrorsResult resetPassword(long customerId, String token, String newPassword) {
    Optional<String> violation = PasswordPolicy.violation(newPassword);
    if (violation.isPresent()) {
      return errors(new Errors.CustomerPasswordError(violation.get()));
    }
    String hash = passwords.hash(newPassword);
    return tx.run(
        () -> {
          if (!resets.consume(customerId, token) || customers.findById(customerId).isEmpty()) {
            return errors(
                new Errors.ValidationError(
                    List.of("input", "token"),
                    "The password reset link is invalid or has expired."));
          }
          customers.updatePassword(customerId, hash, clock.instant());
          tokens.revokeAll(customerId);
          return new Results.ErrorsResult(List.of());
        });
  }

  public Results.AddressResult addAddress(Requester requester, AddressInput input) {
    if (requester.isGuest()) {
      return new Results.AddressResult(null, List.of(Errors.CustomerNotLoggedInError.standard()));
    }
    List<Object> errors = validateAddress(input, true, List.of("input"));
    if (!errors.isEmpty()) {
      return new Results.AddressResult(null, errors);
    }
    return tx.run(
        () -> {
          long id = addresses.insert(record(0, requester.customerId(), input));
          return new Results.AddressResult(
              addresses.find(requester.customerId(), id).orElseThrow(), List.of());
        });
  }

  public Results.AddressResult updateAddress(
      Requester requester, long addressId, AddressInput data) {
    if (requester.isGuest()) {
      return new Results.AddressResult(null, List.of(Errors.CustomerNotLoggedInError.standard()));
    }
    return tx.run(
        () -> {
          Optional<AddressRecord> found = addresses.find(requester.customerId(), addressId);
          if (found.isEmpty()) {
            return new Results.AddressResult(
                null,
                List.of(
                    new Errors.AddressDoesNotExistError(
                        "Address " + addressId + " does not exist.")));
          }
          AddressRecord a = found.get();
          AddressInput merged =
              new AddressInput(
                  or(data.firstName(), a.firstName()),
                  or(data.lastName(), a.lastName()),
                  or(data.address1(), a.address1()),
                  or(data.address2(), a.address2()),
                  or(data.city(), a.city()),
                  or(data.company(), a.company()),
                  or(data.countryCode(), a.countryCode()),
                  or(data.stateOrProvince(), a.stateOrProvince()),
                  or(data.phone(), a.phone()),
                  or(data.postalCode(), a.postalCode()));
          List<Object> errors = validateAddress(merged, true, List.of("input", "data"));
          if (!errors.isEmpty()) {
            return new Results.AddressResult(null, errors);
          }
          addresses.update(record(addressId, requester.customerId(), merged));
          return new Results.AddressResult(
              addresses.find(requester.customerId(), addressId).orElseThrow(), List.of());
        });
  }

  public Results.ErrorsResult deleteAddress(Requester requester, long addressId) {
    if (requester.isGuest()) {
      return errors(Errors.CustomerNotLoggedInError.standard());
    }
    return tx.run(
        () ->
            addresses.delete(requester.customerId(), addressId)
                ? new Results.ErrorsResult(List.of())
                : errors(
                    new Errors.CustomerAddressDeletionError(
                        "Address " + addressId + " does not exist.")));
  }

  private static Results.ErrorsResult errors(Object error) {
    return new Results.ErrorsResult(List.of(error));
  }

  private static void requireName(List<Object> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(
          new Errors.ValidationError(List.of("input", field), field + " must not be empty."));
    } else if (value.length() > MAX_NAME) {
      errors.add(
          new Errors.ValidationError(
              List.of("input", field), field + " must be at most " + MAX_NAME + " characters."));
    }
  }

  private static List<Object> validateAddress(AddressInput a, boolean full, List<String> base) {
    List<Object> errors = new ArrayList<>();
    String[][] required = {
      {"firstName", a.firstName()},
      {"lastName", a.lastName()},
      {"address1", a.address1()},
      {"city", a.city()},
      {"countryCode", a.countryCode()}
    };
    for (String[] r : required) {
      if (full && (r[1] == null || r[1].isBlank())) {
        errors.add(new Errors.ValidationError(path(base, r[0]), r[0] + " must not be empty."));
      }
    }
    if (a.countryCode() != null
        && !a.countryCode().isBlank()
        && !COUNTRY.matcher(a.countryCode().trim()).matches()) {
      errors.add(
          new Errors.ValidationError(
              path(base, "countryCode"), "countryCode must be a two-letter ISO 3166-1 code."));
    }
    return errors;
  }

  private static List<String> path(List<String> base, String field) {
    List<String> p = new ArrayList<>(base);
    p.add(field);
    return p;
  }

  private static AddressRecord record(long id, long customerId, AddressInput a) {
    return new AddressRecord(
        id,
        customerId,
        a.firstName().trim(),
        a.lastName().trim(),
        blankToNull(a.company()),
        a.address1().trim(),
        blankToNull(a.address2()),
        a.city().trim(),
        blankToNull(a.stateOrProvince()),
        blankToNull(a.postalCode()),
        a.countryCode().trim().toUpperCase(Locale.ROOT),
        blankToNull(a.phone()));
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String nz(String s) {
    return s == null ? "" : s.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
