package dev.storefrontsession.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed command-line arguments: {@code --name value} or {@code --name=value} options (repeatable)
 * and positional arguments; {@code --} ends the options. Each command declares the options it
 * accepts.
 */
public final class Arguments {

  private final Map<String, List<String>> options;
  private final List<String> positional;

  private Arguments(Map<String, List<String>> options, List<String> positional) {
    this.options = options;
    this.positional = positional;
  }

  /**
   * @param valueOptions the option names (without {@code --}) that take a value
   * @throws UsageException for an unknown option or a missing value
   */
  public static Arguments parse(List<String> args, Set<String> valueOptions) throws UsageException {
    Map<String, List<String>> options = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    boolean onlyPositional = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (onlyPositional || !arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        onlyPositional = true;
        continue;
      }
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (!valueOptions.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new UsageException("option --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new Arguments(options, positional);
  }

  /** Every value of a repeatable option, in order. */
  public List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  /** The value of a single-valued option. */
  public Optional<String> optional(String name) throws UsageException {
    List<String> values = all(name);
    if (values.size() > 1) {
      throw new UsageException("option --" + name + " given more than once");
    }
    return values.stream().findFirst();
  }

  public String required(String name) throws UsageException {
    return optional(name)
        .orElseThrow(() -> new UsageException("option --" + name + " is required"));
  }

  /** A non-negative whole number option. */
  public Optional<Long> optionalLong(String name) throws UsageException {
    Optional<String> value = optional(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long number = Long.parseLong(value.get());
      if (number < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(number);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "option --" + name + " must be a whole number of seconds (0 or more)");
    }
  }

  public List<String> positional() {
    return positional;
  }

  @Override
  public String toString() {
    return "Arguments[<redacted>]";
  }
}
