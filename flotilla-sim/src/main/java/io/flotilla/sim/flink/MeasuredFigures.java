package io.flotilla.sim.flink;

import io.flotilla.sim.metrics.FlinkFigures;

/**
 * A Flink job's figures as they add up during a run: restarts, seconds of processing done again,
 * the largest consumer lag and the time the job was not processing. Kept apart so that a warm-up
 * can start them afresh without touching the job or its records.
 */
final class MeasuredFigures {
  private int restarts;
  private double recomputedSeconds;
  private double maxLagSeconds;
  private double downtimeSeconds;

  /** The job restarted (a failure or a rescale), losing {@code recomputed} processing seconds. */
  void restarted(double recomputed) {
    restarts++;
    recomputedSeconds += recomputed;
  }

  /** The job was submitted but not processing for {@code seconds}. */
  void down(double seconds) {
    downtimeSeconds += seconds;
  }

  void lagSeen(double lagSeconds) {
    maxLagSeconds = Math.max(maxLagSeconds, lagSeconds);
  }

  /** Counts from now on, the lag from {@code lagNow}. */
  void startAfresh(double lagNow) {
    restarts = 0;
    recomputedSeconds = 0;
    downtimeSeconds = 0;
    maxLagSeconds = lagNow;
  }

  FlinkFigures figures() {
    return new FlinkFigures(restarts, recomputedSeconds, maxLagSeconds, downtimeSeconds);
  }
}
