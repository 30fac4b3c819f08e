package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.schema.FormFieldViews.Field;
import dev.storefrontsession.sandbox.internal.schema.StoreForms;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Settings.formFields} and {@code geography.countries}: the store's forms and the countries
 * it serves.
 */
@Controller
public class FormFieldsController {

  static final Object FORM_FIELDS = new Object();
  static final Object GEOGRAPHY = new Object();

  /** {@code FormFieldFiltersInput}. */
  public record FormFieldFiltersInput(
      @Nullable List<Integer> entityIds,
      @Nullable Boolean isRequired,
      @Nullable Boolean isBuiltIn) {}

  /** {@code CountryFiltersInput}. */
  public record CountryFiltersInput(@Nullable String name, @Nullable String code) {}

  @SchemaMapping(typeName = "Settings")
  public Object formFields() {
    return FORM_FIELDS;
  }

  @SchemaMapping(typeName = "FormFields")
  public List<Field> customer(
      @Argument @Nullable FormFieldFiltersInput filters, @Argument @Nullable String sortBy) {
    return select(StoreForms.CUSTOMER, filters, sortBy);
  }

  @SchemaMapping(typeName = "FormFields")
  public List<Field> shippingAddress(
      @Argument @Nullable FormFieldFiltersInput filters, @Argument @Nullable String sortBy) {
    return select(StoreForms.ADDRESS, filters, sortBy);
  }

  @SchemaMapping(typeName = "FormFields")
  public List<Field> billingAddress(
      @Argument @Nullable FormFieldFiltersInput filters, @Argument @Nullable String sortBy) {
    return select(StoreForms.ADDRESS, filters, sortBy);
  }

  @QueryMapping
  public Object geography() {
    return GEOGRAPHY;
  }

  /** Countries, filtered by exact code or by name (case-insensitive), in name order. */
  @SchemaMapping(typeName = "Geography")
  public List<StoreForms.Country> countries(@Argument @Nullable CountryFiltersInput filters) {
    return StoreForms.COUNTRIES.stream()
        .filter(
            c ->
                filters == null
                    || filters.code() == null
                    || c.code().equalsIgnoreCase(filters.code()))
        .filter(
            c ->
                filters == null
                    || filters.name() == null
                    || c.name()
                        .toLowerCase(Locale.ROOT)
                        .equals(filters.name().toLowerCase(Locale.ROOT)))
        .sorted(Comparator.comparing(StoreForms.Country::name))
        .toList();
  }

  private static List<Field> select(
      List<Field> fields, @Nullable FormFieldFiltersInput filters, @Nullable String sortBy) {
    Comparator<Field> order =
        "SORT_ORDER".equals(sortBy)
            ? Comparator.comparingInt(Field::sortOrder).thenComparingInt(Field::entityId)
            : Comparator.comparingInt(Field::entityId);
    return fields.stream()
        .filter(
            f ->
                filters == null
                    || filters.entityIds() == null
                    || filters.entityIds().isEmpty()
                    || filters.entityIds().contains(f.entityId()))
        .filter(
            f ->
                filters == null
                    || filters.isRequired() == null
                    || filters.isRequired() == f.isRequired())
        .filter(
            f ->
                filters == null
                    || filters.isBuiltIn() == null
                    || filters.isBuiltIn() == f.isBuiltIn())
        .sorted(order)
        .toList();
  }
}
