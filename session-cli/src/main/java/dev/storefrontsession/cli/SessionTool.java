package dev.storefrontsession.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/session-tool <command> …}: dispatches to a {@link Command}. Exit codes: 0 done, 1 the
 * command failed (one line on stderr), 2 bad arguments (usage on stderr).
 */
public final class SessionTool {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public SessionTool(List<Command> commands) {
    for (Command command : commands) {
      this.commands.put(command.name(), command);
    }
  }

  /** The commands of the tool, in the order the usage lists them. Add new commands here. */
  public static List<Command> commands() {
    return List.of(
        new DecodeCommand(), new EncodeCommand(), new SecretCommand(), new LoginJwtCommand());
  }

  public static void main(String[] args) {
    System.exit(new SessionTool(commands()).run(Arrays.asList(args), Console.system()));
  }

  /** Runs one invocation and returns the exit code. */
  public int run(List<String> args, Console console) {
    if (args.isEmpty()) {
      console.err().print(usage());
      return USAGE;
    }
    String name = args.get(0);
    if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
      console.out().print(usage());
      return OK;
    }
    Command command = commands.get(name);
    if (command == null) {
      console.err().println("session-tool: unknown command '" + name + "'");
      console.err().print(usage());
      return USAGE;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      console.out().println(command.usage());
      return OK;
    }
    try {
      command.run(Arguments.parse(rest, valueOptions(command)), console);
      console.out().flush();
      return OK;
    } catch (UsageException e) {
      console.err().println("session-tool " + name + ": " + e.getMessage());
      console.err().println("usage:");
      console.err().println(command.usage());
      return USAGE;
    } catch (CommandFailedException e) {
      console.err().println("session-tool " + name + ": " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      console.err().println("session-tool " + name + ": I/O error: " + e.getMessage());
      return FAILED;
    }
  }

  private static java.util.Set<String> valueOptions(Command command) {
    return command instanceof OptionsDeclaring declaring
        ? declaring.valueOptions()
        : java.util.Set.of();
  }

  /** The tool's usage text. */
  public String usage() {
    StringBuilder usage =
        new StringBuilder("usage: session-tool <command> [options]\n\ncommands:\n");
    for (Command command : commands.values()) {
      usage.append(String.format("  %-10s %s%n", command.name(), command.summary()));
    }
    usage.append("\nsession-tool <command> --help shows a command's options.\n");
    return usage.toString();
  }

  /** A command that takes options with values (every option of this tool does). */
  public interface OptionsDeclaring {
    /** Option names without {@code --}. */
    java.util.Set<String> valueOptions();
  }
}
