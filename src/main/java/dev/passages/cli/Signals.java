package dev.passages.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Stops a command cleanly on SIGTERM and SIGINT (Ctrl-C) before the JVM's own exit begins.
 *
 * <p>Why not a shutdown hook alone: ONNX Runtime registers a hook of its own that frees its native
 * environment, and the JVM runs all hooks at once. A model still loading, or a passage being
 * embedded, when that hook runs crashes the process (SIGSEGV, an hs_err file, exit code 134) before
 * the index is closed. So a signal only asks the command to stop; the command stops its work,
 * closes the model and the index, and returns {@link Stop#exitCode} (128 + the signal's number, as
 * the JVM would have exited), and only then does the JVM exit and run its hooks, which find nothing
 * running.
 */
final class Signals {

  private Signals() {}

  /** Whether a signal asked the command to stop, and which. */
  static final class Stop {
    private volatile int signal;

    /** 128 + the number of the signal that stopped the command; {@code otherwise} if none did. */
    int exitCode(int otherwise) {
      return signal == 0 ? otherwise : 128 + signal;
    }
  }

  /**
   * Runs {@code stop} once on SIGTERM or SIGINT (on a thread of its own, not the signal handler's);
   * it must make the command return. It also runs from a shutdown hook when the JVM exits another
   * way; whichever comes first runs it.
   */
  static Stop onStop(Runnable stop) {
    Stop state = new Stop();
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
          signal -> {
            state.signal = signal.getNumber();
            Thread.ofPlatform().name("passages-signal").start(once);
          });
    }
    return state;
  }
}
