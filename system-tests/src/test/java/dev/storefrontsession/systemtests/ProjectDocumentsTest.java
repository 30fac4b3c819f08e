package dev.storefrontsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every GraphQL document this project sends to BigCommerce is valid against BigCommerce's real
 * Storefront schema (the reference, not the sandbox's copy). The documents are not listed by hand:
 * they are every string constant of every class the storefront ships (its own classes and those of
 * this project's modules in its jar: client, Spring integration, codec) that reads as a GraphQL
 * document, so a new document cannot escape the check.
 */
class ProjectDocumentsTest {

  private static final Path REFERENCE =
      Path.of(
          "..",
          "bigcommerce-sandbox",
          "src",
          "test",
          "resources",
          "bigcommerce-reference.graphqls");
  private static final Pattern LOOKS_LIKE_DOCUMENT =
      Pattern.compile(
          "^\\s*(?:(?:query|mutation|subscription)\\b(?:\\s+\\w+)?\\s*[({@]|fragment\\s+\\w+\\s+on\\s+\\w+|\\{\\s*\\w+\\s*[({])");
  private static final Pattern OWN_LIBRARY =
      Pattern.compile("BOOT-INF/lib/(bigcommerce-client|session-spring|session-core)-[^/]*\\.jar");

  /** Document text by where it was found ("class file: constant"). */
  static Map<String, String> documents;

  static GraphQLSchema reference;

  @BeforeAll
  static void scan() throws IOException {
    reference =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().parse(Files.readString(REFERENCE)));
    documents = new TreeMap<>();
    try (JarInputStream jar = new JarInputStream(Files.newInputStream(StorefrontProcess.jar()))) {
      scanJar(jar, "storefront.jar!", true);
    }
  }

  private static void scanJar(JarInputStream jar, String where, boolean boot) throws IOException {
    for (JarEntry entry; (entry = jar.getNextJarEntry()) != null; ) {
      String name = entry.getName();
      if (name.endsWith(".class") && (!boot || name.startsWith("BOOT-INF/classes/"))) {
        scanClass(jar.readAllBytes(), where + name);
      } else if (boot && OWN_LIBRARY.matcher(name).matches()) {
        scanJar(
            new JarInputStream(new ByteArrayInputStream(jar.readAllBytes())),
            where + name + "!",
            false);
      }
    }
  }

  /**
   * Adds the string constants of a class file (its constant pool) that read as GraphQL documents.
   */
  private static void scanClass(byte[] bytes, String where) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    in.skipBytes(8);
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> strings.add(in.readUnsignedShort());
        case 7, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException(where + ": unknown constant pool tag " + tag);
      }
    }
    for (int index : strings) {
      String text = utf8[index];
      if (text != null && LOOKS_LIKE_DOCUMENT.matcher(text).find()) {
        documents.put(where + ": " + firstLine(text), text);
      }
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 60 ? line.substring(0, 60) : line;
  }

  @Test
  void scanWhenRunThenFindsTheClientsAndTheStorefrontsDocuments() {
    List<String> operations =
        documents.values().stream()
            .flatMap(text -> parse(text).getDefinitionsOfType(OperationDefinition.class).stream())
            .map(OperationDefinition::getName)
            .toList();

    assertThat(operations)
        .contains(
            "LoginMutation",
            "LoginWithCustomerLoginJwtMutation",
            "LogoutMutation",
            "HomePageQuery",
            "CartPageQuery",
            "ChangePasswordMutation");
    assertThat(documents.keySet())
        .anyMatch(k -> k.contains("bigcommerce-client"))
        .anyMatch(k -> k.contains("BOOT-INF/classes/"));
  }

  @Test
  void everyDocumentWhenValidatedAgainstBigCommercesSchemaThenNoErrors() {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : documents.entrySet()) {
      Document document;
      try {
        document = parse(e.getValue());
      } catch (InvalidSyntaxException syntax) {
        problems.add(e.getKey() + ": " + syntax.getMessage());
        continue;
      }
      if (document.getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
        continue; // a fragment alone: checked inside the operations that carry it
      }
      ParseAndValidateResult result =
          ParseAndValidate.parseAndValidate(
              reference, ExecutionInput.newExecutionInput(e.getValue()).build());
      result.getErrors().forEach(error -> problems.add(e.getKey() + ": " + error.getMessage()));
    }
    assertThat(problems).isEmpty();
    assertThat(documents).hasSizeGreaterThan(20);
  }

  private static Document parse(String text) {
    return Parser.parse(text);
  }

  @Test
  void detectorWhenGivenGraphQlOrOtherTextThenTellsThemApart() {
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("query HomePageQuery($first: Int) {").find()).isTrue();
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("mutation {\n login").find()).isTrue();
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("{ site { settings { storeName } } }").find()).isTrue();
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("fragment F on Product { name }").find()).isTrue();
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("{\"query\": \"x\"}").find()).isFalse();
    assertThat(LOOKS_LIKE_DOCUMENT.matcher("query string ignored").find()).isFalse();
  }
}
