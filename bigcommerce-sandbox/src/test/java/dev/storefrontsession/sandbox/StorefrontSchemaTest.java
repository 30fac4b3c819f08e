package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.introspection.IntrospectionQuery;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's schema is a faithful subset of BigCommerce's, and storefront documents validate
 * against it and run without errors.
 */
class StorefrontSchemaTest {

  static TypeDefinitionRegistry ours;
  static TypeDefinitionRegistry reference;
  static SandboxServer server;

  @BeforeAll
  static void load() throws IOException {
    ours = parse("/sandbox/graphql/storefront.graphqls");
    reference = parse("/bigcommerce-reference.graphqls");
    server = Fixture.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TypeDefinitionRegistry parse(String resource) throws IOException {
    try (InputStream in = StorefrontSchemaTest.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      return new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String print(Type<?> type) {
    return AstPrinter.printAst(type);
  }

  private static String printArgs(List<InputValueDefinition> args) {
    return args.stream()
        .map(
            a ->
                a.getName()
                    + ":"
                    + print(a.getType())
                    + (a.getDefaultValue() == null
                        ? ""
                        : "=" + AstPrinter.printAst(a.getDefaultValue())))
        .sorted()
        .collect(Collectors.joining(","));
  }

  @Test
  void introspectionWhenComparedToBigCommercesSchemaThenNoDifference() {
    SandboxHttp.Response served =
        new SandboxHttp(server).request(IntrospectionQuery.INTROSPECTION_QUERY).send();
    assertThat(served.body().has("errors")).as(served.body().toString()).isFalse();
    Object ours =
        normalized(SandboxHttp.JSON.convertValue(served.data().get("__schema"), Object.class));
    Map<String, Object> theirs =
        GraphQL.newGraphQL(UnExecutableSchemaGenerator.makeUnExecutableSchema(reference))
            .build()
            .execute(IntrospectionQuery.INTROSPECTION_QUERY)
            .getData();
    List<String> differences = new ArrayList<>();
    diff("", ours, normalized(theirs.get("__schema")), differences);
    assertThat(differences).isEmpty();
    assertThat(((List<?>) ((Map<?, ?>) ours).get("types")).size()).isGreaterThan(650);
  }

  /**
   * Introspection without descriptions, named things in name order, so two schemas compare as data.
   */
  @SuppressWarnings("unchecked")
  private static Object normalized(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach(
          (k, v) -> {
            if (!k.equals("description")) {
              out.put((String) k, normalized(v));
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out =
          new ArrayList<>(list.stream().map(StorefrontSchemaTest::normalized).toList());
      if (out.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("name") instanceof String)) {
        out.sort(
            java.util.Comparator.comparing(e -> (String) ((Map<String, Object>) e).get("name")));
      }
      return out;
    }
    return value;
  }

  private static void diff(String path, Object ours, Object theirs, List<String> differences) {
    if (ours instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
      java.util.Set<Object> keys = new java.util.TreeSet<>();
      keys.addAll(a.keySet());
      keys.addAll(b.keySet());
      for (Object key : keys) {
        diff(path + "/" + key, a.get(key), b.get(key), differences);
      }
    } else if (ours instanceof List<?> a && theirs instanceof List<?> b) {
      Map<String, Object> byNameA = named(a);
      Map<String, Object> byNameB = named(b);
      if (byNameA != null && byNameB != null) {
        java.util.Set<String> names = new java.util.TreeSet<>(byNameA.keySet());
        names.addAll(byNameB.keySet());
        for (String name : names) {
          diff(path + "/" + name, byNameA.get(name), byNameB.get(name), differences);
        }
      } else if (!a.equals(b)) {
        differences.add(path + ": " + a + " vs " + b);
      }
    } else if (!Objects.equals(ours, theirs)) {
      differences.add(path + ": ours " + ours + ", BigCommerce's " + theirs);
    }
  }

  private static Map<String, Object> named(List<?> list) {
    Map<String, Object> byName = new TreeMap<>();
    for (Object e : list) {
      if (!(e instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
        return null;
      }
      byName.put(name, e);
    }
    return byName;
  }

  @Test
  void schemaWhenComparedToBigCommerceThenEveryTypeFieldArgumentAndDefaultIdentical() {
    List<String> problems = new ArrayList<>();
    Map<String, TypeDefinition<?>> types = new TreeMap<>();
    ours.types().forEach(types::put);
    for (TypeDefinition<?> mine : types.values()) {
      String name = mine.getName();
      TypeDefinition<?> theirs = reference.getTypeOrNull(name);
      if (theirs == null) {
        problems.add(name + ": not in BigCommerce's schema");
        continue;
      }
      if (!theirs.getClass().equals(mine.getClass())) {
        problems.add(name + ": kind differs");
        continue;
      }
      if (mine instanceof ObjectTypeDefinition o) {
        List<FieldDefinition> theirFields =
            new ArrayList<>(((ObjectTypeDefinition) theirs).getFieldDefinitions());
        reference
            .objectTypeExtensions()
            .getOrDefault(name, List.of())
            .forEach(ext -> theirFields.addAll(ext.getFieldDefinitions()));
        compareFields(name, o.getFieldDefinitions(), theirFields, problems);
        List<String> mineImpl = o.getImplements().stream().map(t -> print(t)).toList();
        List<String> theirImpl =
            ((ObjectTypeDefinition) theirs).getImplements().stream().map(t -> print(t)).toList();
        if (!theirImpl.containsAll(mineImpl)) {
          problems.add(name + ": implements " + mineImpl + " vs " + theirImpl);
        }
      } else if (mine instanceof InterfaceTypeDefinition i) {
        compareFields(
            name,
            i.getFieldDefinitions(),
            ((InterfaceTypeDefinition) theirs).getFieldDefinitions(),
            problems);
      } else if (mine instanceof InputObjectTypeDefinition in) {
        String a = printArgs(in.getInputValueDefinitions());
        String b = printArgs(((InputObjectTypeDefinition) theirs).getInputValueDefinitions());
        if (!a.equals(b)) {
          problems.add(name + ": input fields differ\n  ours " + a + "\n  bc   " + b);
        }
      } else if (mine instanceof EnumTypeDefinition e) {
        List<String> a =
            e.getEnumValueDefinitions().stream()
                .map(EnumValueDefinition::getName)
                .sorted()
                .toList();
        List<String> b =
            ((EnumTypeDefinition) theirs)
                .getEnumValueDefinitions().stream()
                    .map(EnumValueDefinition::getName)
                    .sorted()
                    .toList();
        if (!a.equals(b)) {
          problems.add(name + ": enum values differ");
        }
      } else if (mine instanceof UnionTypeDefinition u) {
        List<String> a = u.getMemberTypes().stream().map(t -> print(t)).sorted().toList();
        List<String> b =
            ((UnionTypeDefinition) theirs)
                .getMemberTypes().stream().map(t -> print(t)).sorted().toList();
        if (!a.equals(b)) {
          problems.add(name + ": union members differ");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(types.size()).isGreaterThan(150);
  }

  private static void compareFields(
      String type,
      List<FieldDefinition> mine,
      List<FieldDefinition> theirs,
      List<String> problems) {
    Map<String, FieldDefinition> byName =
        theirs.stream().collect(Collectors.toMap(FieldDefinition::getName, f -> f));
    for (FieldDefinition f : mine) {
      FieldDefinition t = byName.get(f.getName());
      if (t == null) {
        problems.add(type + "." + f.getName() + ": not in BigCommerce's schema");
      } else if (!print(f.getType()).equals(print(t.getType()))) {
        problems.add(
            type
                + "."
                + f.getName()
                + ": type "
                + print(f.getType())
                + " vs "
                + print(t.getType()));
      } else if (!printArgs(f.getInputValueDefinitions())
          .equals(printArgs(t.getInputValueDefinitions()))) {
        problems.add(type + "." + f.getName() + ": arguments differ");
      }
    }
  }

  @Test
  void documentsWhenValidatedAgainstSchemaThenNoErrors() {
    GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(ours);
    for (String document : Documents.ALL) {
      ParseAndValidateResult result =
          ParseAndValidate.parseAndValidate(
              schema, ExecutionInput.newExecutionInput(document).build());
      assertThat(result.getErrors()).as(document).isEmpty();
    }
  }

  @Test
  void documentsWhenValidatedAgainstBigCommercesSchemaThenNoErrorsEither() {
    GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(reference);
    for (String document : Documents.ALL) {
      ParseAndValidateResult result =
          ParseAndValidate.parseAndValidate(
              schema, ExecutionInput.newExecutionInput(document).build());
      assertThat(result.getErrors()).as(document).isEmpty();
    }
  }

  @Test
  void documentWhenFieldNotInSchemaThenValidationFails() {
    GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(ours);
    ParseAndValidateResult result =
        ParseAndValidate.parseAndValidate(
            schema, ExecutionInput.newExecutionInput("{ customer { password } }").build());
    assertThat(result.getErrors()).isNotEmpty();
  }

  @Test
  void queriesWhenRunAsCustomerThenNoErrors() {
    SandboxHttp http = new SandboxHttp(server);
    String cat = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
    String cartId = Fixture.createCart(http, cat, 77);
    Map<String, Map<String, Object>> queries = new java.util.LinkedHashMap<>();
    queries.put(Documents.CUSTOMER, Map.of());
    queries.put(Documents.PRODUCTS, Map.of("first", 5, "currencyCode", "USD"));
    queries.put(Documents.PRODUCT, Map.of("entityId", 77, "currencyCode", "USD"));
    queries.put(
        Documents.SEARCH, Map.of("filters", Map.of("searchTerm", "jar"), "currencyCode", "USD"));
    queries.put(Documents.CATEGORY_TREE, Map.of());
    queries.put(Documents.CART, Map.of("cartId", cartId));
    queries.put(Documents.ADDRESSES, Map.of("first", 5));
    queries.put(Documents.ORDERS, Map.of("filters", Map.of("status", "SHIPPED")));
    queries.put(Documents.ORDER, Map.of("filter", Map.of("entityId", 101)));
    queries.put(Documents.WISHLISTS, Map.of("currencyCode", "USD"));
    for (Map.Entry<String, Map<String, Object>> e : queries.entrySet()) {
      String q = e.getKey();
      SandboxHttp.Request request = http.request(q).customer(cat).validateToken();
      e.getValue().forEach(request::variable);
      SandboxHttp.Response r = request.send();
      assertThat(r.body().has("errors")).as(q + "\n" + r.body()).isFalse();
      assertThat(r.body().get("data").isNull()).isFalse();
    }
  }
}
