package dev.storefrontsession.client;

/**
 * Called with every GraphQL error that a call is about to throw (policies {@link ErrorPolicy#NONE}
 * and {@link ErrorPolicy#AUTH}). The storefront signs the shopper out when an auth error arrives on
 * a query. Runs on the calling thread before the exception is thrown; an exception thrown by the
 * handler propagates instead.
 */
@FunctionalInterface
public interface ErrorHandler {

  void onError(StorefrontGraphQLException error, OperationType type);

  static ErrorHandler none() {
    return (error, type) -> {};
  }
}
