package dev.storefrontsession.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Catalyst's own GraphQL documents (every operation of {@code bigcommerce/catalyst}'s {@code
 * core/}, gathered by {@code bin/gather-catalyst-documents}, each file headed by its origin)
 * validate against the sandbox's schema and run on the demo data without errors, as a guest and
 * with a customer access token where the page would send one. {@code catalyst/runs.json} says how
 * each runs; writes the sandbox does not model must fail with exactly the error they are listed
 * with, so the list stays true.
 */
class CatalystCorpusTest {

  static SandboxServer server;
  static SandboxHttp http;
  static Map<String, String> documents;
  static JsonNode runs;

  @BeforeAll
  static void load() throws IOException, URISyntaxException {
    Path folder =
        Path.of(CatalystCorpusTest.class.getResource("/catalyst/runs.json").toURI()).getParent();
    documents = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).toList()) {
        String name = file.getFileName().toString();
        documents.put(
            name.substring(0, name.length() - ".graphql".length()), Files.readString(file));
      }
    }
    runs = SandboxHttp.JSON.readTree(Files.readString(folder.resolve("runs.json")));
    server = Fixture.start();
    http = new SandboxHttp(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static GraphQLSchema schema(String resource) throws IOException {
    try (InputStream in = CatalystCorpusTest.class.getResourceAsStream(resource)) {
      return UnExecutableSchemaGenerator.makeUnExecutableSchema(
          new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void corpusWhenLoadedThenEveryDocumentHasItsOriginAndARunAndEveryRunADocument() {
    assertThat(documents).hasSizeGreaterThanOrEqualTo(86);
    documents.forEach(
        (name, text) ->
            assertThat(text).as(name).startsWith("# origin: bigcommerce/catalyst core/"));
    List<String> runNames = new ArrayList<>();
    runs.propertyNames()
        .forEach(
            n -> {
              if (!n.startsWith("_")) {
                runNames.add(n);
              }
            });
    assertThat(runNames).containsExactlyInAnyOrderElementsOf(documents.keySet());
  }

  @Test
  void everyDocumentWhenValidatedAgainstTheSandboxAndBigCommerceThenNoErrors() throws IOException {
    GraphQLSchema served = schema("/sandbox/graphql/storefront.graphqls");
    GraphQLSchema reference = schema("/bigcommerce-reference.graphqls");
    List<String> problems = new ArrayList<>();
    documents.forEach(
        (name, text) -> {
          for (GraphQLSchema schema : List.of(served, reference)) {
            ParseAndValidateResult result =
                ParseAndValidate.parseAndValidate(
                    schema, ExecutionInput.newExecutionInput(text).build());
            result.getErrors().forEach(e -> problems.add(name + ": " + e.getMessage()));
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDocumentWhenRunAsCatalystWouldThenNoErrors() throws IOException {
    List<String> problems = new ArrayList<>();
    int guest = 0;
    int customer = 0;
    int notModelled = 0;
    for (String name : runs.propertyNames()) {
      if (name.startsWith("_")) {
        continue;
      }
      JsonNode run = runs.get(name);
      List<String> as =
          run.has("as")
              ? run.get("as").valueStream().map(JsonNode::asString).toList()
              : List.of("guest", "customer");
      for (String who : as) {
        String cat =
            who.equals("customer")
                ? Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD)
                : null;
        Context context = new Context(cat);
        SandboxHttp.Request request = http.request(documents.get(name)).validateToken();
        if (cat != null) {
          request.customer(cat);
        }
        if (run.has("variables")) {
          Map<String, Object> variables =
              SandboxHttp.JSON.convertValue(
                  run.get("variables"),
                  new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
          context.substitute(variables).forEach(request::variable);
        }
        SandboxHttp.Response response = request.send();
        String expect = run.has("expect") ? run.get("expect").asString() : null;
        String outcome = outcome(response);
        if (expect == null || expect.equals("typed error")) {
          if (!outcome.equals("ok")) {
            problems.add(name + " as " + who + ": " + outcome + " " + response.body());
          } else if (!checked(run, response, name + " as " + who, problems)) {
            continue;
          } else if (who.equals("guest")) {
            guest++;
          } else {
            customer++;
          }
        } else if (!expect.equals(response.firstErrorCode())) {
          problems.add(name + " as " + who + ": expected " + expect + ", got " + response.body());
        } else {
          notModelled++;
        }
      }
    }
    String figures =
        "catalyst.documents="
            + documents.size()
            + "\ncatalyst.runs_ok_guest="
            + guest
            + "\ncatalyst.runs_ok_customer="
            + customer
            + "\ncatalyst.runs_not_modelled="
            + notModelled
            + "\ncatalyst.problems="
            + problems.size()
            + "\n";
    Files.writeString(
        Path.of("target", "catalyst-corpus.txt"), figures + String.join("\n", problems) + "\n");
    assertThat(problems).isEmpty();
  }

  /**
   * True when the run's {@code check} pointers have their values (else adds the differences to
   * problems).
   */
  private static boolean checked(
      JsonNode run, SandboxHttp.Response response, String what, List<String> problems) {
    if (!run.has("check")) {
      return true;
    }
    boolean ok = true;
    for (String pointer : run.get("check").propertyNames()) {
      JsonNode expected = run.get("check").get(pointer);
      JsonNode actual = response.at(pointer);
      if (!expected.equals(actual)) {
        problems.add(what + ": " + pointer + " is " + actual + ", expected " + expected);
        ok = false;
      }
    }
    return ok;
  }

  private static String outcome(SandboxHttp.Response response) {
    if (response.status() != 200) {
      return "HTTP " + response.status();
    }
    if (response.body().has("errors")) {
      return "errors";
    }
    if (response.data() == null || response.data().isNull()) {
      return "no data";
    }
    return "ok";
  }

  /**
   * The placeholders of runs.json, made for one run: a cart, a wishlist, an address, a login JWT.
   */
  private static final class Context {
    private final String cat;
    private String cart;
    private String lineItem;
    private Integer wishlist;
    private Integer wishlistItem;
    private Integer address;

    Context(String cat) {
      this.cat = cat;
    }

    Map<String, Object> substitute(Map<String, Object> variables) {
      Map<String, Object> out = new LinkedHashMap<>();
      variables.forEach((k, v) -> out.put(k, value(v)));
      return out;
    }

    @SuppressWarnings("unchecked")
    private Object value(Object v) {
      if (v instanceof Map<?, ?> map) {
        return substitute((Map<String, Object>) map);
      }
      if (v instanceof List<?> list) {
        return list.stream().map(this::value).toList();
      }
      if (!(v instanceof String s) || !s.startsWith("@")) {
        return v;
      }
      return switch (s) {
        case "@cart" -> cart();
        case "@lineItem" -> {
          cart();
          yield lineItem;
        }
        case "@wishlist" -> wishlist();
        case "@wishlistItem" -> {
          wishlist();
          yield wishlistItem;
        }
        case "@address" -> address();
        case "@publicWishlistToken" -> publicWishlistToken();
        case "@loginJwt" -> loginJwt();
        case "@consignment" -> consignment();
        case "@cartWithCoupon" ->
            applied("applyCheckoutCoupon", "ApplyCheckoutCouponInput", "couponCode", "SAVE10");
        case "@cartWithGiftCertificate" ->
            applied(
                "applyCheckoutGiftCertificate",
                "ApplyCheckoutGiftCertificateInput",
                "giftCertificateCode",
                "GC1");
        default -> throw new IllegalArgumentException("unknown placeholder " + s);
      };
    }

    private String cart() {
      if (cart == null) {
        cart = Fixture.createCart(http, cat, 77);
        lineItem =
            Fixture.cart(http, cat, cart).at("/lineItems/physicalItems/0/entityId").asString();
      }
      return cart;
    }

    /** A shipping consignment (to the United States) of this run's cart holding its line. */
    private String consignment() {
      cart();
      SandboxHttp.Request r =
          http.request(
                  """
              mutation($input: AddCheckoutShippingConsignmentsInput!) { checkout {
                addCheckoutShippingConsignments(input: $input) { checkout { shippingConsignments { entityId } } } } }""")
              .variable(
                  "input",
                  Map.of(
                      "checkoutEntityId",
                      cart,
                      "data",
                      Map.of(
                          "consignments",
                          List.of(
                              Map.of(
                                  "address",
                                      Map.of(
                                          "countryCode",
                                          "US",
                                          "city",
                                          "Austin",
                                          "postalCode",
                                          "78701",
                                          "shouldSaveAddress",
                                          false),
                                  "lineItems",
                                      List.of(
                                          Map.of("lineItemEntityId", lineItem, "quantity", 1)))))));
      return withCustomer(r)
          .send()
          .at(
              "/data/checkout/addCheckoutShippingConsignments/checkout/shippingConsignments/0/entityId")
          .asString();
    }

    /**
     * This run's cart with a coupon or gift certificate applied (for the runs that take it off
     * again).
     */
    private String applied(String field, String inputType, String codeName, String code) {
      cart();
      SandboxHttp.Request r =
          http.request(
                  "mutation($input: "
                      + inputType
                      + "!) { checkout { "
                      + field
                      + "(input: $input) { checkout { entityId } } } }")
              .variable("input", Map.of("checkoutEntityId", cart, "data", Map.of(codeName, code)));
      assertThat(withCustomer(r).send().body().has("errors")).isFalse();
      return cart;
    }

    private SandboxHttp.Request withCustomer(SandboxHttp.Request r) {
      return cat == null ? r : r.customer(cat);
    }

    private int wishlist() {
      if (wishlist == null) {
        JsonNode result =
            http.request(Documents.CREATE_WISHLIST)
                .customer(cat)
                .validateToken()
                .variable(
                    "input",
                    Map.of(
                        "name",
                        "Corpus",
                        "isPublic",
                        true,
                        "items",
                        List.of(Map.of("productEntityId", 77))))
                .send()
                .at("/data/wishlist/createWishlist/result");
        wishlist = result.at("/entityId").asInt();
        wishlistItem = result.at("/items/edges/0/node/entityId").asInt();
      }
      return wishlist;
    }

    /**
     * A public wishlist of the demo shopper (made with a token of their own, also for a guest's
     * run).
     */
    private String publicWishlistToken() {
      String owner = Fixture.cat(http, Fixture.SHOPPER, Fixture.SHOPPER_PASSWORD);
      return http.request(Documents.CREATE_WISHLIST)
          .customer(owner)
          .validateToken()
          .variable(
              "input",
              Map.of(
                  "name",
                  "Corpus",
                  "isPublic",
                  true,
                  "items",
                  List.of(Map.of("productEntityId", 77))))
          .send()
          .at("/data/wishlist/createWishlist/result/token")
          .asString();
    }

    private int address() {
      if (address == null) {
        address =
            http.request(Documents.ADD_ADDRESS)
                .customer(cat)
                .validateToken()
                .variable(
                    "input",
                    Map.of(
                        "firstName",
                        "Sam",
                        "lastName",
                        "Shopper",
                        "address1",
                        "3 Corpus Road",
                        "city",
                        "Austin",
                        "countryCode",
                        "US",
                        "stateOrProvince",
                        "Texas",
                        "postalCode",
                        "78703"))
                .send()
                .at("/data/customer/addCustomerAddress/address/entityId")
                .asInt();
      }
      return address;
    }

    private String loginJwt() {
      SandboxSettings s = server.settings();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(s.clientId())
              .issueTime(new Date())
              .jwtID(UUID.randomUUID().toString())
              .claim("operation", "customer_login")
              .claim("store_hash", s.storeHash())
              .claim("customer_id", 1)
              .claim("channel_id", s.channelId())
              .build();
      try {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(s.clientSecret().getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
