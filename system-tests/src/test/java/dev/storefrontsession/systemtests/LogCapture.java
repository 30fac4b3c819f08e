package dev.storefrontsession.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * Captures everything this JVM prints from now on (System.out, System.err, java.util.logging),
 * still passing it through, so a test can scan the whole log output of the in-process sandbox for
 * secrets.
 */
final class LogCapture implements AutoCloseable {

  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final Handler julHandler;

  LogCapture() {
    System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    julHandler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            String line =
                record.getLevel()
                    + " "
                    + record.getLoggerName()
                    + " "
                    + record.getMessage()
                    + " "
                    + (record.getParameters() == null
                        ? ""
                        : java.util.Arrays.toString(record.getParameters()))
                    + (record.getThrown() == null ? "" : " " + record.getThrown())
                    + "\n";
            synchronized (captured) {
              captured.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    julHandler.setLevel(java.util.logging.Level.ALL);
    LogManager.getLogManager().getLogger("").addHandler(julHandler);
  }

  String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    LogManager.getLogManager().getLogger("").removeHandler(julHandler);
  }

  private final class Tee extends OutputStream {
    private final OutputStream through;

    Tee(OutputStream through) {
      this.through = through;
    }

    @Override
    public void write(int b) {
      synchronized (captured) {
        captured.write(b);
      }
      try {
        through.write(b);
      } catch (java.io.IOException ignored) {
        // the console is gone; the capture still has it
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (captured) {
        captured.write(b, off, len);
      }
      try {
        through.write(b, off, len);
      } catch (java.io.IOException ignored) {
        // the console is gone; the capture still has it
      }
    }
  }
}
