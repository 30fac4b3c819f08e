package dev.storefrontsession.sandbox.internal.store;

/** A stored customer. {@link #toString()} hides the password hash. */
public record CustomerRecord(
    long entityId,
    String email,
    String passwordHash,
    String firstName,
    String lastName,
    String phone,
    String company,
    int customerGroupId,
    String customerGroupName,
    boolean resetPasswordRequired) {

  @Override
  public String toString() {
    return "CustomerRecord[entityId="
        + entityId
        + ", email="
        + email
        + ", passwordHash=<redacted>, group="
        + customerGroupId
        + "]";
  }
}
