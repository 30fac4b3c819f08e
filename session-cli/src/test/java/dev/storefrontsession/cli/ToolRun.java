package dev.storefrontsession.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One in-memory run of the tool: exit code, stdout, stderr. */
record ToolRun(int exitCode, String out, String err) {

  static ToolRun withEnvironment(String stdin, Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console console =
        new Console(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            environment);
    int exit = new SessionTool(SessionTool.commands()).run(List.of(args), console);
    return new ToolRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static ToolRun piped(String stdin, String... args) {
    return withEnvironment(stdin, Map.of(), args);
  }

  static ToolRun run(String... args) {
    return piped("", args);
  }
}
