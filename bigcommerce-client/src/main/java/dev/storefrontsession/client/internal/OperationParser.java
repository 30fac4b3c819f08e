package dev.storefrontsession.client.internal;

import dev.storefrontsession.client.OperationType;

/**
 * Finds the first operation of a GraphQL document: its type and (optional) name.
 *
 * <p>This is a lexer, not a full parser: it skips ignored tokens (whitespace, commas, comments,
 * BOM), strings and block strings, and whole fragment definitions, exactly enough to find the
 * operation even when fragments come first. Thread-safe (stateless).
 */
public final class OperationParser {

  private OperationParser() {}

  /**
   * The type and name of a document's first operation; {@code name} is null for anonymous
   * operations.
   */
  public record Operation(OperationType type, String name) {}

  /**
   * @throws IllegalArgumentException when the document holds no operation or is not lexically valid
   */
  public static Operation parse(String document) {
    if (document == null || document.isBlank()) {
      throw new IllegalArgumentException("GraphQL document is empty");
    }
    Lexer lexer = new Lexer(document);
    while (true) {
      String token = lexer.next();
      if (token == null) {
        throw new IllegalArgumentException("GraphQL document holds no operation");
      }
      switch (token) {
        case "{":
          return new Operation(OperationType.QUERY, null);
        case "query":
        case "mutation":
        case "subscription":
          {
            OperationType type = OperationType.valueOf(token.toUpperCase(java.util.Locale.ROOT));
            String next = lexer.next();
            String name = next != null && isName(next) ? next : null;
            return new Operation(type, name);
          }
        case "fragment":
          skipDefinition(lexer);
          break;
        default:
          throw new IllegalArgumentException(
              "GraphQL document must start with an operation or a fragment, found '"
                  + abbreviate(token)
                  + "'");
      }
    }
  }

  private static void skipDefinition(Lexer lexer) {
    int parens = 0;
    String token;
    // Up to the selection set: directive arguments may hold object values with braces, inside
    // parentheses.
    while ((token = lexer.next()) != null) {
      if (token.equals("(")) {
        parens++;
      } else if (token.equals(")")) {
        parens--;
      } else if (token.equals("{") && parens == 0) {
        break;
      }
    }
    if (token == null) {
      throw new IllegalArgumentException("GraphQL fragment definition has no selection set");
    }
    int depth = 1;
    while (depth > 0) {
      token = lexer.next();
      if (token == null) {
        throw new IllegalArgumentException("GraphQL document has unbalanced braces");
      }
      if (token.equals("{")) {
        depth++;
      } else if (token.equals("}")) {
        depth--;
      }
    }
  }

  private static boolean isName(String token) {
    char c = token.charAt(0);
    return c == '_' || Character.isLetter(c);
  }

  private static String abbreviate(String token) {
    return token.length() > 40 ? token.substring(0, 40) + "…" : token;
  }

  /** Returns punctuators and names as strings; strings and numbers as an opaque placeholder. */
  private static final class Lexer {
    private static final String STRING = "\"\"";
    private final String s;
    private int i;

    Lexer(String s) {
      this.s = s;
    }

    String next() {
      skipIgnored();
      if (i >= s.length()) {
        return null;
      }
      char c = s.charAt(i);
      if (c == '"') {
        skipString();
        return STRING;
      }
      if (c == '.' && s.startsWith("...", i)) {
        i += 3;
        return "...";
      }
      if (c == '_' || Character.isLetterOrDigit(c) || c == '-') {
        int start = i;
        while (i < s.length()) {
          char d = s.charAt(i);
          if (d == '_' || Character.isLetterOrDigit(d) || d == '-' || d == '.' || d == '+') {
            // '.', '+', '-' only matter inside numbers; names never contain them and are followed
            // by ignored
            // tokens or punctuators that we still split on below.
            if ((d == '.' || d == '+' || d == '-') && !isNumberStart(s.charAt(start))) {
              break;
            }
            i++;
          } else {
            break;
          }
        }
        return s.substring(start, i);
      }
      i++;
      return String.valueOf(c);
    }

    private static boolean isNumberStart(char c) {
      return c == '-' || Character.isDigit(c);
    }

    private void skipIgnored() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
          i++;
        } else if (c == '#') {
          while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
          }
        } else {
          return;
        }
      }
    }

    private void skipString() {
      if (s.startsWith("\"\"\"", i)) {
        i += 3;
        while (i < s.length()) {
          if (s.startsWith("\\\"\"\"", i)) {
            i += 4;
          } else if (s.startsWith("\"\"\"", i)) {
            i += 3;
            return;
          } else {
            i++;
          }
        }
        throw new IllegalArgumentException("GraphQL document has an unterminated block string");
      }
      i++;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          i += 2;
        } else if (c == '"') {
          i++;
          return;
        } else if (c == '\n' || c == '\r') {
          break;
        } else {
          i++;
        }
      }
      throw new IllegalArgumentException("GraphQL document has an unterminated string");
    }
  }
}
