package dev.storefrontsession.sandbox.internal.web;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.parser.Parser;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the HTTP layer needs from a document without executing it: a complexity score (fields
 * selected, with fragments expanded; counting stops just past {@link #MAX_COMPLEXITY}, so a
 * fragment bomb costs no more than a large document), its depth (fields nested on the deepest
 * path), the operation's name and type, and its first top-level field (the {@code path} of a
 * request-level error).
 */
record DocumentInfo(
    int complexity,
    int depth,
    String operationName,
    String operationType,
    String firstField,
    SourceLocation firstFieldLocation) {

  /** BigCommerce's limit on a request's complexity score. */
  static final int MAX_COMPLEXITY = 10_000;

  /** BigCommerce's limit on a query's depth. */
  static final int MAX_DEPTH = 16;

  static final DocumentInfo UNPARSABLE = new DocumentInfo(0, 0, null, null, null, null);

  static DocumentInfo of(String document, String requestedOperation) {
    if (document == null || document.isBlank()) {
      return UNPARSABLE;
    }
    Document doc;
    try {
      doc = Parser.parse(document);
    } catch (RuntimeException e) {
      return UNPARSABLE;
    }
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    OperationDefinition operation = null;
    for (Definition<?> def : doc.getDefinitions()) {
      if (def instanceof FragmentDefinition f) {
        fragments.put(f.getName(), f);
      } else if (def instanceof OperationDefinition o) {
        if (operation == null
            || (requestedOperation != null && requestedOperation.equals(o.getName()))) {
          operation = o;
        }
      }
    }
    if (operation == null) {
      return UNPARSABLE;
    }
    Counter counter = new Counter(fragments);
    counter.count(operation.getSelectionSet(), 0);
    int complexity = counter.fields;
    String first = null;
    SourceLocation firstLocation = null;
    for (Selection<?> s : operation.getSelectionSet().getSelections()) {
      if (s instanceof Field f) {
        first = f.getResultKey();
        firstLocation = f.getSourceLocation();
        break;
      }
    }
    return new DocumentInfo(
        complexity,
        counter.depth,
        operation.getName(),
        operation.getOperation().name().toLowerCase(Locale.ROOT),
        first,
        firstLocation);
  }

  /**
   * Whether the document is beyond BigCommerce's limits; the error message when it is, else null.
   */
  String limitExceeded() {
    if (depth > MAX_DEPTH) {
      return "The query is too deep: it nests "
          + depth
          + " levels of fields, and at most "
          + MAX_DEPTH
          + " are allowed. Please remove some levels and try again";
    }
    if (complexity > MAX_COMPLEXITY) {
      return "The query is too complex as it has a complexity score of "
          + complexity
          + " out of "
          + MAX_COMPLEXITY
          + ". Please remove some elements and try again";
    }
    return null;
  }

  /**
   * Counts fields (fragments expanded) and the deepest nesting, stopping once past either limit.
   */
  private static final class Counter {
    private final Map<String, FragmentDefinition> fragments;
    private final Set<String> open = new HashSet<>();
    int fields;
    int depth;

    Counter(Map<String, FragmentDefinition> fragments) {
      this.fragments = fragments;
    }

    void count(SelectionSet set, int level) {
      if (set == null) {
        return;
      }
      for (Selection<?> s : set.getSelections()) {
        if (fields > MAX_COMPLEXITY || depth > MAX_DEPTH) {
          return;
        }
        if (s instanceof Field f) {
          fields++;
          depth = Math.max(depth, level + 1);
          count(f.getSelectionSet(), level + 1);
        } else if (s instanceof InlineFragment i) {
          count(i.getSelectionSet(), level);
        } else if (s instanceof FragmentSpread spread) {
          FragmentDefinition f = fragments.get(spread.getName());
          if (f != null && open.add(spread.getName())) {
            count(f.getSelectionSet(), level);
            open.remove(spread.getName());
          }
        }
      }
    }
  }
}
