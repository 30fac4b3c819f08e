package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.ApiException;
import graphql.language.FieldDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What a field answers when the sandbox has no resolver for it and its source object has no such
 * property, so the whole of BigCommerce's schema can be served without an internal error anywhere:
 *
 * <ul>
 *   <li>a list (nullable or not): {@code []};
 *   <li>any other nullable field: {@code null};
 *   <li>a non-null scalar: {@code false}, {@code 0}, {@code ""}, the epoch for {@code DateTime}; a
 *       non-null enum: its first value;
 *   <li>a non-null object: an empty object whose own fields follow these rules (so a connection is
 *       empty: no edges, a page info without next or previous page, a total count of 0);
 *   <li>a non-null interface or union: an empty object of its first member type.
 * </ul>
 *
 * Writes are different: a field of {@code Mutation} or of a mutation namespace ({@code
 * ...Mutations}) without a resolver fails with {@code NOT_MODELLED} and changes nothing, rather
 * than pretend that a write took place. The namespaces themselves ({@code Mutation.checkout}, ...)
 * answer an empty object.
 */
final class DefaultWiring implements RuntimeWiringConfigurer {

  /**
   * The key that names the GraphQL type of a default object (read by the sandbox's type resolver).
   */
  static final String TYPENAME = "__typename";

  @Override
  public void configure(RuntimeWiring.Builder builder) {}

  @Override
  public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
    container.add(new Factory());
  }

  /** The type an object default stands for, or {@code null} when the value is no default object. */
  static String typeName(Object value) {
    return value instanceof Map<?, ?> map && map.get(TYPENAME) instanceof String name ? name : null;
  }

  private static final class Factory implements WiringFactory {
    @Override
    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
      FieldDefinition field = environment.getFieldDefinition();
      String parent = environment.getParentType().getName();
      Type<?> type = field.getType();
      if (isWrite(parent) && !isNamespace(type)) {
        return new NotModelled(parent + "." + field.getName());
      }
      PropertyDataFetcher<Object> property = PropertyDataFetcher.fetching(field.getName());
      boolean list = unwrapNonNull(type) instanceof ListType;
      if (!list && !(type instanceof NonNullType)) {
        return property;
      }
      return new Defaulting(property);
    }

    private static boolean isWrite(String parent) {
      return parent.equals("Mutation") || parent.endsWith("Mutations");
    }

    private static boolean isNamespace(Type<?> type) {
      return unwrapNonNull(type) instanceof TypeName name && name.getName().endsWith("Mutations");
    }

    private static Type<?> unwrapNonNull(Type<?> type) {
      return type instanceof NonNullType nonNull ? nonNull.getType() : type;
    }
  }

  /** The source's property when it has one, else the default for the field's type. */
  private static final class Defaulting implements LightDataFetcher<Object> {
    private final PropertyDataFetcher<Object> property;

    Defaulting(PropertyDataFetcher<Object> property) {
      this.property = property;
    }

    @Override
    public Object get(
        GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment)
        throws Exception {
      Object value = property.get(field, source, environment);
      return value != null ? value : defaultFor(field.getType());
    }

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
      Object value = property.get(environment);
      return value != null ? value : defaultFor(environment.getFieldType());
    }
  }

  /** The default value of a field of this type, following the rules above. */
  static Object defaultFor(GraphQLType type) {
    if (GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type))) {
      return List.of();
    }
    if (!(type instanceof GraphQLNonNull nonNull)) {
      return null;
    }
    GraphQLType inner = nonNull.getWrappedType();
    if (inner instanceof GraphQLScalarType scalar) {
      return switch (scalar.getName()) {
        case "Boolean" -> Boolean.FALSE;
        case "Int" -> 0;
        case "Long" -> 0L;
        case "Float" -> 0.0;
        case "BigDecimal" -> BigDecimal.ZERO;
        case "DateTime" -> Instant.EPOCH;
        default -> "";
      };
    }
    if (inner instanceof GraphQLEnumType e) {
      return e.getValues().get(0).getValue();
    }
    return emptyObject(inner);
  }

  private static Map<String, Object> emptyObject(GraphQLType type) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put(TYPENAME, GraphQLTypeUtil.simplePrint(type));
    return Collections.unmodifiableMap(object);
  }

  /** A write the sandbox does not model: an error that says so, nothing changed. */
  private static final class NotModelled implements DataFetcher<Object> {
    private final String field;

    NotModelled(String field) {
      this.field = field;
    }

    @Override
    public Object get(DataFetchingEnvironment environment) {
      throw new ApiException(
          "The sandbox does not model " + field + "; nothing was changed.", "NOT_MODELLED");
    }
  }

  /** The object type a default object of an interface or union resolves to. */
  static GraphQLObjectType resolve(
      Object value, graphql.schema.GraphQLSchema schema, GraphQLType fieldType) {
    GraphQLType abstractType = GraphQLTypeUtil.unwrapAll(fieldType);
    String name = typeName(value);
    if (name == null) {
      return null;
    }
    if (schema.getType(name) instanceof GraphQLObjectType exact) {
      return exact;
    }
    List<GraphQLObjectType> members =
        abstractType instanceof graphql.schema.GraphQLUnionType union
            ? union.getTypes().stream().map(GraphQLObjectType.class::cast).toList()
            : abstractType instanceof graphql.schema.GraphQLInterfaceType i
                ? schema.getImplementations(i)
                : List.of();
    return members.stream()
        .min(java.util.Comparator.comparing(GraphQLObjectType::getName))
        .orElse(null);
  }
}
