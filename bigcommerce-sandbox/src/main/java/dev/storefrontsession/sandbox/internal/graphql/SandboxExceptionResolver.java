package dev.storefrontsession.sandbox.internal.graphql;

import dev.storefrontsession.sandbox.internal.ApiException;
import dev.storefrontsession.sandbox.internal.schema.Connection;
import dev.storefrontsession.sandbox.internal.web.SandboxError;
import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;

/** Turns {@link ApiException}s (and bad cursors) into BigCommerce-shaped GraphQL errors. */
final class SandboxExceptionResolver extends DataFetcherExceptionResolverAdapter {

  @Override
  protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
    String message;
    String code;
    if (ex instanceof ApiException api) {
      message = api.getMessage();
      code = api.code();
    } else if (ex instanceof Connection.InvalidCursorException
        || ex instanceof IllegalArgumentException) {
      message = ex.getMessage();
      code = "INVALID_INPUT";
    } else {
      return null;
    }
    return new SandboxError(
        message,
        env.getField().getSourceLocation() == null
            ? List.of()
            : List.of(env.getField().getSourceLocation()),
        env.getExecutionStepInfo().getPath().toList(),
        code);
  }
}
