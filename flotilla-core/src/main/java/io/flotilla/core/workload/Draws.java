package io.flotilla.core.workload;

import java.util.random.RandomGenerator;

/** The draws the workload generators share: a weighted choice and rounding to a request grid. */
public final class Draws {
  private Draws() {}

  /** One of {@code values}, each with its weight (the weights add up to 1). */
  public static double pick(RandomGenerator random, double[] values, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r <= 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  /** {@code value} rounded to a multiple of {@code step}, at least one step. */
  public static long roundTo(double value, long step) {
    return Math.max(step, Math.round(value / step) * step);
  }
}
