package io.flotilla.sim.metrics;

/**
 * What the Flink jobs of a run went through (see {@link Summary}): restarts, recomputed seconds,
 * the largest lag and the downtime.
 */
public record FlinkFigures(
    int restarts, double recomputedSeconds, double maxLagSeconds, double downtimeSeconds) {
  public static final FlinkFigures NONE = new FlinkFigures(0, 0, 0, 0);

  /** Both runs' figures together: counts and seconds add up, the lag is the larger. */
  public FlinkFigures plus(FlinkFigures other) {
    return new FlinkFigures(
        restarts + other.restarts,
        recomputedSeconds + other.recomputedSeconds,
        Math.max(maxLagSeconds, other.maxLagSeconds),
        downtimeSeconds + other.downtimeSeconds);
  }
}
