package io.flotilla.sim.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The simulation's virtual clock and what is due on it: actions run in time order, and in the order
 * they were scheduled when due at the same instant, so a run is the same on every machine.
 */
public final class EventQueue {
  private record Entry(Instant at, long sequence, Runnable action) {}

  private final PriorityQueue<Entry> due =
      new PriorityQueue<>(Comparator.comparing(Entry::at).thenComparingLong(Entry::sequence));
  private Instant now;
  private long sequence;

  public EventQueue(Instant start) {
    this.now = start;
  }

  public Instant now() {
    return now;
  }

  /** Runs {@code action} at {@code at} (now, if {@code at} has passed). */
  public void at(Instant at, Runnable action) {
    due.add(new Entry(at.isBefore(now) ? now : at, sequence++, action));
  }

  public void after(Duration delay, Runnable action) {
    at(now.plus(delay), action);
  }

  /** When the next action is due, or null when none is. */
  public Instant next() {
    Entry e = due.peek();
    return e == null ? null : e.at();
  }

  /**
   * Advances the clock to the next due instant, if it is not after {@code until}, and runs every
   * action due then (also those they schedule for that same instant). Returns false when nothing
   * was due by {@code until}; the clock then stands at {@code until}.
   */
  public boolean runNext(Instant until) {
    Entry first = due.peek();
    if (first == null || first.at().isAfter(until)) {
      now = until;
      return false;
    }
    now = first.at();
    while (!due.isEmpty() && !due.peek().at().isAfter(now)) {
      due.poll().action().run();
    }
    return true;
  }
}
