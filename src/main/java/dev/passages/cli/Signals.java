package dev.passages.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops a command cleanly on SIGTERM and SIGINT (Ctrl-C) before the JVM's own exit begins.
 *
 * <p>Why not a shutdown hook alone: ONNX Runtime registers a hook of its own that frees its native
 * environment, and the JVM runs all hooks at once. A model still loading, or a passage being
 * embedded, when that hook runs crashes the process (SIGSEGV, an hs_err file, exit code 134) before
 * the index is closed. Handling the signals first lets the command stop its embedding and close the
 * model; the JVM then exits, and every hook finds nothing running.
 */
final class Signals {

  private Signals() {}

  /**
   * Runs {@code stop} once on SIGTERM or SIGINT (on a thread of its own, not the signal handler's),
   * then exits with 128 + the signal's number, as the JVM would have. {@code stop} also runs from a
   * shutdown hook when the JVM exits another way; whichever comes first runs it.
   */
  static Runnable onStop(Runnable stop) {
    AtomicBoolean done = new AtomicBoolean();
    Runnable once =
        () -> {
          if (done.compareAndSet(false, true)) {
            stop.run();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(once, "passages-stop"));
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(
          new Signal(name),
          signal ->
              Thread.ofPlatform()
                  .name("passages-signal")
                  .start(
                      () -> {
                        once.run();
                        System.exit(128 + signal.getNumber());
                      }));
    }
    return once;
  }
}
