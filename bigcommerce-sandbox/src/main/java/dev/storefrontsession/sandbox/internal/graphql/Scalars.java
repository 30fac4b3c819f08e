package dev.storefrontsession.sandbox.internal.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The custom scalars of BigCommerce's schema: {@code DateTime}, {@code BigDecimal}, {@code Long}
 * and the string ones.
 */
final class Scalars {
  private Scalars() {}

  /** ISO-8601 in UTC, whole seconds: {@code 2024-01-01T00:00:00Z}. */
  static final GraphQLScalarType DATE_TIME =
      GraphQLScalarType.newScalar()
          .name("DateTime")
          .coercing(
              new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Instant i) {
                    return i.truncatedTo(ChronoUnit.SECONDS).toString();
                  }
                  if (value instanceof OffsetDateTime o) {
                    return o.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
                  }
                  throw new CoercingSerializeException("not a date-time: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                  if (input instanceof String s) {
                    return parse(s, CoercingParseValueException::new);
                  }
                  throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
                }

                @Override
                public Instant parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof StringValue s) {
                    return parse(s.getValue(), CoercingParseLiteralException::new);
                  }
                  throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
                }

                private <E extends RuntimeException> Instant parse(
                    String s, java.util.function.Function<String, E> error) {
                  try {
                    return OffsetDateTime.parse(s).toInstant();
                  } catch (DateTimeParseException e) {
                    throw error.apply(
                        "DateTime must be ISO-8601 with an offset, e.g. 2024-01-01T00:00:00Z: "
                            + s);
                  }
                }
              })
          .build();

  /** A decimal number, written as a JSON number without trailing zeros. */
  static final GraphQLScalarType BIG_DECIMAL =
      GraphQLScalarType.newScalar()
          .name("BigDecimal")
          .coercing(
              new Coercing<BigDecimal, BigDecimal>() {
                @Override
                public BigDecimal serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof BigDecimal d) {
                    return new BigDecimal(d.stripTrailingZeros().toPlainString());
                  }
                  if (value instanceof Number n) {
                    return new BigDecimal(n.toString());
                  }
                  throw new CoercingSerializeException("not a decimal: " + value);
                }

                @Override
                public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
                  try {
                    return new BigDecimal(input.toString());
                  } catch (NumberFormatException e) {
                    throw new CoercingParseValueException("BigDecimal expected: " + input);
                  }
                }

                @Override
                public BigDecimal parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof IntValue i) {
                    return new BigDecimal(i.getValue());
                  }
                  if (input instanceof FloatValue f) {
                    return f.getValue();
                  }
                  if (input instanceof StringValue s) {
                    try {
                      return new BigDecimal(s.getValue());
                    } catch (NumberFormatException e) {
                      throw new CoercingParseLiteralException(
                          "BigDecimal expected: " + s.getValue());
                    }
                  }
                  throw new CoercingParseLiteralException("BigDecimal expected");
                }
              })
          .build();

  /** A 64-bit integer. */
  static final GraphQLScalarType LONG =
      GraphQLScalarType.newScalar()
          .name("Long")
          .coercing(
              new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Number n) {
                    return n.longValue();
                  }
                  throw new CoercingSerializeException("not a number: " + value);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                  if (input instanceof Number n) {
                    return n.longValue();
                  }
                  try {
                    return Long.parseLong(input.toString());
                  } catch (NumberFormatException e) {
                    throw new CoercingParseValueException("Long expected: " + input);
                  }
                }

                @Override
                public Long parseLiteral(
                    Value<?> input,
                    CoercedVariables variables,
                    GraphQLContext context,
                    Locale locale) {
                  if (input instanceof IntValue i) {
                    return i.getValue().longValueExact();
                  }
                  throw new CoercingParseLiteralException("Long expected");
                }
              })
          .build();

  /** A scalar written and read as a JSON string ({@code URL}, {@code UUID}, {@code IpAddress}). */
  static GraphQLScalarType text(String name) {
    return GraphQLScalarType.newScalar()
        .name(name)
        .coercing(
            new Coercing<String, String>() {
              @Override
              public String serialize(Object value, GraphQLContext context, Locale locale) {
                return value.toString();
              }

              @Override
              public String parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String s) {
                  return s;
                }
                throw new CoercingParseValueException(name + " must be a string");
              }

              @Override
              public String parseLiteral(
                  Value<?> input,
                  CoercedVariables variables,
                  GraphQLContext context,
                  Locale locale) {
                if (input instanceof StringValue s) {
                  return s.getValue();
                }
                throw new CoercingParseLiteralException(name + " must be a string");
              }
            })
        .build();
  }
}
