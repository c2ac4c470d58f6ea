package io.flotilla.flink.generator;

import java.util.function.LongSupplier;

/** Keeps a loop at a rate: record {@code i} is not sent before {@code start + i / rate}. */
public final class Pacer {

  private final double ratePerSecond;
  private final LongSupplier nanoTime;
  private final long startNanos;

  /**
   * @param ratePerSecond events per second; 0 for no limit
   */
  public Pacer(double ratePerSecond, LongSupplier nanoTime) {
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("rate must not be negative, was " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  /** How long to wait, in nanoseconds, before record {@code index} may go. */
  public long waitNanosFor(long index) {
    if (ratePerSecond == 0) {
      return 0;
    }
    long due = startNanos + (long) (index * 1_000_000_000.0 / ratePerSecond);
    return Math.max(0, due - nanoTime.getAsLong());
  }

  /** Sleeps until record {@code index} may go. */
  public void await(long index) throws InterruptedException {
    long wait = waitNanosFor(index);
    if (wait > 1_000_000) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
