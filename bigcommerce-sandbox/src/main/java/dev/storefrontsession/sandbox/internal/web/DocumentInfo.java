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
 * What the HTTP layer needs from a document without executing it: a complexity score (fields selected, with
 * fragments expanded), the operation's name and type, and its first top-level field (the {@code path} of a
 * request-level error).
 */
record DocumentInfo(int complexity, String operationName, String operationType, String firstField,
    SourceLocation firstFieldLocation) {

  static final DocumentInfo UNPARSABLE = new DocumentInfo(0, null, null, null, null);

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
        if (operation == null || (requestedOperation != null && requestedOperation.equals(o.getName()))) {
          operation = o;
        }
      }
    }
    if (operation == null) {
      return UNPARSABLE;
    }
    int complexity = count(operation.getSelectionSet(), fragments, new HashSet<>(), 0);
    String first = null;
    SourceLocation firstLocation = null;
    for (Selection<?> s : operation.getSelectionSet().getSelections()) {
      if (s instanceof Field f) {
        first = f.getResultKey();
        firstLocation = f.getSourceLocation();
        break;
      }
    }
    return new DocumentInfo(complexity, operation.getName(), operation.getOperation().name().toLowerCase(Locale.ROOT), first,
        firstLocation);
  }

  private static int count(SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> seen, int depth) {
    if (set == null || depth > 32) {
      return 0;
    }
    int total = 0;
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        total += 1 + count(f.getSelectionSet(), fragments, seen, depth + 1);
      } else if (s instanceof InlineFragment i) {
        total += count(i.getSelectionSet(), fragments, seen, depth + 1);
      } else if (s instanceof FragmentSpread spread) {
        FragmentDefinition f = fragments.get(spread.getName());
        if (f != null && seen.add(spread.getName())) {
          total += count(f.getSelectionSet(), fragments, seen, depth + 1);
          seen.remove(spread.getName());
        }
      }
    }
    return total;
  }

}
