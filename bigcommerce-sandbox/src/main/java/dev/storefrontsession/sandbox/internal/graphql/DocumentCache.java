package dev.storefrontsession.sandbox.internal.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents by query text: a storefront sends the same few documents
 * over and over, so parsing and validation run once per distinct document. Bounded; cleared when
 * full.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  static final int LIMIT = 1_000;

  private final ConcurrentHashMap<String, PreparsedDocumentEntry> entries =
      new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String key = input.getQuery();
    PreparsedDocumentEntry entry = entries.get(key);
    if (entry == null) {
      entry = parseAndValidate.apply(input);
      if (entries.size() >= LIMIT) {
        entries.clear();
      }
      entries.put(key, entry);
    }
    return CompletableFuture.completedFuture(entry);
  }
}
