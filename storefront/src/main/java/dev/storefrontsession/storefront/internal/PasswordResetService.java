package dev.storefrontsession.storefront.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Forgotten passwords, as Catalyst's {@code /login/forgot-password} and {@code /change-password} do
 * them: ask the store to email a reset link, then set a new password with the link's customer id
 * and token. Both are guest calls (no customer access token). Thread-safe.
 */
@Service
public class PasswordResetService {

  /** Where the emailed link points: this storefront's reset page. */
  public static final String RESET_PATH = "/login/reset-password";

  private final StoreGateway store;
  private final SandboxResetLinks sandboxLinks;

  public PasswordResetService(StoreGateway store, SandboxResetLinks sandboxLinks) {
    this.store = store;
    this.sandboxLinks = sandboxLinks;
  }

  /**
   * Asks the store to email a reset link to {@code email}. Empty when the store accepted the
   * request — also when no account has that email, which the store does not reveal; the store's
   * message when it refused the input (e.g. a malformed email). {@code baseUrl} is this
   * storefront's origin, for the development log line of {@link SandboxResetLinks}.
   */
  public Optional<String> requestReset(String email, String baseUrl) {
    SandboxResetLinks.Sent before = sandboxLinks.sent();
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("email", email);
    input.put("path", RESET_PATH);
    JsonNode result =
        store
            .guestMutation(
                PasswordDocuments.REQUEST_RESET_PASSWORD, Map.of("input", input), "customer")
            .path("customer")
            .path("requestResetPassword");
    Optional<String> error = AccountService.firstError(result);
    if (error.isEmpty()) {
      sandboxLinks.announceNew(before, email, baseUrl);
    }
    return error;
  }

  /**
   * Sets a new password with the emailed link's customer id and token; returns the store's error
   * message (invalid or expired link, password policy), or empty on success. The store then signs
   * the customer out everywhere.
   */
  public Optional<String> resetPassword(int customerEntityId, String token, String newPassword) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("customerEntityId", customerEntityId);
    input.put("token", token);
    input.put("newPassword", newPassword);
    JsonNode result =
        store
            .guestMutation(PasswordDocuments.RESET_PASSWORD, Map.of("input", input), "customer")
            .path("customer")
            .path("resetPassword");
    return AccountService.firstError(result);
  }
}
