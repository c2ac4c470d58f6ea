package io.flotilla.cli.simulate;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar on the terminal for runs that take more than a couple of seconds: drawn on
 * standard error over itself with carriage returns, at most five times a second, and wiped when the
 * run ends. On anything but a terminal it draws nothing, so piped output stays clean.
 */
final class ProgressBar {
  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final long started;
  private long drawnAt;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.started = nanoClock.getAsLong();
  }

  /** {@code done} of the run is simulated (0..1), of strategy {@code label}. */
  void update(String label, double done) {
    if (!terminal) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - started < SHOW_AFTER_NANOS || (drawn && now - drawnAt < REDRAW_NANOS)) {
      return;
    }
    int filled = (int) Math.round(Math.max(0, Math.min(1, done)) * WIDTH);
    err.print(
        "\r["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + String.format("%3d%% %s", Math.round(done * 100), label));
    err.flush();
    drawn = true;
    drawnAt = now;
  }

  void finish() {
    if (drawn) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
