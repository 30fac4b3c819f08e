package dev.storefrontsession.sandbox.internal.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Implementations of the GraphQL interface {@code FormField} the sandbox's store uses; each
 * record's simple name is its GraphQL type name (the type resolver relies on it).
 */
public final class FormFieldViews {
  private FormFieldViews() {}

  /** What every form field has, for filtering and sorting. */
  public sealed interface Field
      permits TextFormField,
          PasswordFormField,
          PicklistFormField,
          PicklistOrTextFormField,
          CheckboxesFormField {
    int entityId();

    int sortOrder();

    boolean isBuiltIn();

    boolean isRequired();
  }

  public record FormFieldOption(int entityId, String label) {}

  public record TextFormField(
      int entityId,
      String label,
      int sortOrder,
      boolean isBuiltIn,
      boolean isRequired,
      @Nullable String defaultText,
      @Nullable Integer maxLength)
      implements Field {}

  public record PasswordFormField(
      int entityId,
      String label,
      int sortOrder,
      boolean isBuiltIn,
      boolean isRequired,
      @Nullable String defaultText,
      @Nullable Integer maxLength)
      implements Field {}

  public record PicklistFormField(
      int entityId,
      String label,
      int sortOrder,
      boolean isBuiltIn,
      boolean isRequired,
      String choosePrefix,
      List<FormFieldOption> options)
      implements Field {}

  public record PicklistOrTextFormField(
      int entityId,
      String label,
      int sortOrder,
      boolean isBuiltIn,
      boolean isRequired,
      String picklistPrefix,
      @Nullable Integer maxLength)
      implements Field {}

  public record CheckboxesFormField(
      int entityId,
      String label,
      int sortOrder,
      boolean isBuiltIn,
      boolean isRequired,
      List<FormFieldOption> options)
      implements Field {}
}
