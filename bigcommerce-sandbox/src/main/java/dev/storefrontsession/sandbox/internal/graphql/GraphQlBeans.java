package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.SandboxSettings;
import dev.storefrontsession.sandbox.internal.auth.CustomerAccessTokens;
import dev.storefrontsession.sandbox.internal.auth.CustomerLoginJwtVerifier;
import dev.storefrontsession.sandbox.internal.auth.LoginThrottle;
import dev.storefrontsession.sandbox.internal.auth.PasswordResets;
import dev.storefrontsession.sandbox.internal.auth.Passwords;
import dev.storefrontsession.sandbox.internal.service.CartService;
import dev.storefrontsession.sandbox.internal.service.ChannelSite;
import dev.storefrontsession.sandbox.internal.service.CheckoutApiService;
import dev.storefrontsession.sandbox.internal.service.CheckoutService;
import dev.storefrontsession.sandbox.internal.service.CustomerService;
import dev.storefrontsession.sandbox.internal.service.LoginService;
import dev.storefrontsession.sandbox.internal.service.WishlistService;
import dev.storefrontsession.sandbox.internal.store.AddressRepository;
import dev.storefrontsession.sandbox.internal.store.CartRepository;
import dev.storefrontsession.sandbox.internal.store.Catalog;
import dev.storefrontsession.sandbox.internal.store.Channels;
import dev.storefrontsession.sandbox.internal.store.CheckoutRepository;
import dev.storefrontsession.sandbox.internal.store.CheckoutStateRepository;
import dev.storefrontsession.sandbox.internal.store.CustomerRepository;
import dev.storefrontsession.sandbox.internal.store.OrderRepository;
import dev.storefrontsession.sandbox.internal.store.ProductDetails;
import dev.storefrontsession.sandbox.internal.store.Tx;
import dev.storefrontsession.sandbox.internal.store.WishlistRepository;
import dev.storefrontsession.sandbox.internal.web.RequestContextInterceptor;
import dev.storefrontsession.sandbox.internal.web.SandboxOrigin;
import graphql.schema.GraphQLObjectType;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring for GraphQL, wired by hand (no auto-configuration, so nothing reaches a host application):
 * the schema from {@code classpath:sandbox/graphql/}, the annotated controllers of this package,
 * services, and {@code POST /graphql}.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  AuthController.class,
  CustomerController.class,
  CatalogController.class,
  CartController.class,
  WishlistController.class,
  OrderController.class,
  SiteController.class,
  NewsletterController.class,
  ShopperInputController.class,
  FormFieldsController.class,
  RouteController.class,
  CheckoutApiController.class,
  OrderDiscountsController.class
})
public class GraphQlBeans {

  static final String SCHEMA = "sandbox/graphql/storefront.graphqls";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GraphQlBeans.class);

  @Bean
  SiteUrls siteUrls(SandboxSettings settings) {
    return SiteUrls.of(settings.storeHash(), settings.channelId());
  }

  @Bean
  CartService cartService(
      CartRepository carts, Catalog catalog, Channels channels, Tx tx, SandboxSettings s) {
    return new CartService(carts, catalog, channels, tx, s.clock());
  }

  @Bean
  LoginService loginService(
      CustomerRepository customers,
      Passwords passwords,
      CustomerAccessTokens tokens,
      CustomerLoginJwtVerifier jwt,
      LoginThrottle throttle,
      CartService carts,
      Tx tx,
      SandboxSettings s) {
    return new LoginService(
        customers, passwords, tokens, jwt, throttle, carts, tx, s.persistentCart());
  }

  @Bean
  CheckoutApiService checkoutApiService(
      CartService carts,
      CheckoutStateRepository state,
      Channels channels,
      Tx tx,
      SandboxSettings s) {
    return new CheckoutApiService(carts, state, channels, tx, s.clock());
  }

  @Bean
  CustomerService customerService(
      CustomerRepository customers,
      AddressRepository addresses,
      Passwords passwords,
      PasswordResets resets,
      CustomerAccessTokens tokens,
      LoginThrottle throttle,
      Tx tx,
      SandboxSettings s) {
    return new CustomerService(
        customers, addresses, passwords, resets, tokens, throttle, tx, s.clock());
  }

  @Bean
  ChannelSite channelSite(SiteUrls urls) {
    return new ChannelSite(java.net.URI.create(urls.vanityUrl()));
  }

  @Bean
  CheckoutService checkoutService(
      CheckoutRepository links,
      CartRepository carts,
      OrderRepository orders,
      CustomerRepository customers,
      AddressRepository addresses,
      Catalog catalog,
      Tx tx,
      SandboxSettings s,
      CheckoutApiService checkoutState,
      org.springframework.context.ApplicationContext context) {
    // The port is known once the web server runs; links are only made after that.
    return new CheckoutService(
        links,
        carts,
        orders,
        customers,
        addresses,
        catalog,
        tx,
        s.clock(),
        () ->
            SandboxOrigin.of(
                s.bindAddress(),
                ((org.springframework.boot.web.server.context.WebServerApplicationContext) context)
                    .getWebServer()
                    .getPort()),
        checkoutState);
  }

  @Bean
  WishlistService wishlistService(WishlistRepository wishlists, Catalog catalog, Tx tx) {
    return new WishlistService(wishlists, catalog, tx);
  }

  @Bean
  BatchLoaderRegistry sandboxBatchLoaderRegistry() {
    return new DefaultBatchLoaderRegistry();
  }

  @Bean
  AnnotatedControllerConfigurer sandboxControllerConfigurer() {
    return new AnnotatedControllerConfigurer();
  }

  @Bean
  GraphQlSource sandboxGraphQlSource(
      AnnotatedControllerConfigurer controllers,
      CatalogController catalog,
      ProductDetails productDetails) {
    return GraphQlSource.schemaResourceBuilder()
        .schemaResources(new ClassPathResource(SCHEMA))
        .configureRuntimeWiring(
            builder ->
                builder
                    .scalar(Scalars.DATE_TIME)
                    .scalar(Scalars.BIG_DECIMAL)
                    .scalar(Scalars.LONG)
                    .scalar(Scalars.text("URL"))
                    .scalar(Scalars.text("UUID"))
                    .scalar(Scalars.text("IpAddress")))
        .configureRuntimeWiring(controllers)
        .configureRuntimeWiring(new CatalogWiring(catalog))
        .configureRuntimeWiring(new ProductDetailsWiring(productDetails, catalog))
        .configureRuntimeWiring(new DefaultWiring())
        // Interface and union members are records named after their GraphQL type (nested ones
        // included), or the
        // default objects of fields without a resolver.
        .defaultTypeResolver(
            env -> {
              Object value = env.getObject();
              GraphQLObjectType type =
                  DefaultWiring.typeName(value) != null
                      ? DefaultWiring.resolve(value, env.getSchema(), env.getFieldType())
                      : env.getSchema()
                          .getObjectType(
                              RouteController.typeName(value)
                                  .orElse(value.getClass().getSimpleName()));
              if (type == null) {
                throw new IllegalStateException(
                    "no GraphQL type for " + value.getClass().getName());
              }
              return type;
            })
        .exceptionResolvers(
            List.of(new SandboxExceptionResolver(), controllers.getExceptionResolver()))
        .configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(new DocumentCache()))
        .build();
  }

  @Bean
  ExecutionGraphQlService sandboxExecutionGraphQlService(
      GraphQlSource source, BatchLoaderRegistry batchLoaders) {
    DefaultExecutionGraphQlService service = new DefaultExecutionGraphQlService(source);
    service.addDataLoaderRegistrar(batchLoaders);
    return service;
  }

  @Bean
  RouterFunction<ServerResponse> sandboxGraphQlRoute(
      ExecutionGraphQlService service, RequestContextInterceptor interceptor) {
    WebGraphQlHandler handler = WebGraphQlHandler.builder(service).interceptor(interceptor).build();
    GraphQlEndpoint endpoint = new GraphQlEndpoint(handler);
    return RouterFunctions.route()
        .POST("/graphql", endpoint::handle)
        .POST("/channels/{channelId}/graphql", endpoint::handle)
        .onError(
            Exception.class,
            (error, request) -> {
              if (badInput(error)) {
                return GraphQlEndpoint.error(
                    HttpStatus.BAD_REQUEST,
                    "The request body must be JSON with a query: {\"query\": \"...\", \"variables\": {...}}");
              }
              LOG.error("GraphQL request failed inside the sandbox", error);
              return GraphQlEndpoint.error(
                  HttpStatus.INTERNAL_SERVER_ERROR, "Internal sandbox error.");
            })
        .route(
            RequestPredicates.path("/graphql"),
            request ->
                GraphQlEndpoint.error(HttpStatus.METHOD_NOT_ALLOWED, "Use POST with a JSON body."))
        .route(
            RequestPredicates.all(),
            request ->
                GraphQlEndpoint.error(
                    HttpStatus.NOT_FOUND, "Not found: the GraphQL endpoint is POST /graphql."))
        .build();
  }

  private static boolean badInput(Throwable error) {
    return error instanceof ServerWebInputException
        || error instanceof HttpMessageNotReadableException
        || error instanceof HttpMediaTypeNotSupportedException
        || error instanceof IllegalArgumentException;
  }
}
