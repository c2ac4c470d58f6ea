package io.flotilla.flink.bench;

import java.util.Arrays;
import java.util.Comparator;

/** The median of repeated pipeline runs (the upper median for an even count). */
public final class Medians {

  private Medians() {}

  public static PipelineRun.Result byWallTime(PipelineRun.Result... results) {
    PipelineRun.Result[] sorted = results.clone();
    Arrays.sort(sorted, Comparator.comparingDouble(PipelineRun.Result::wallSeconds));
    return sorted[sorted.length / 2];
  }
}
