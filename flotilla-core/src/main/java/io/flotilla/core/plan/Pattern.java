package io.flotilla.core.plan;

import java.util.Arrays;

/** The pods one node of a shape would take: parallel arrays of class ids and counts. */
record Pattern(int[] classIds, long[] counts, double value) {
  static final Pattern EMPTY = new Pattern(new int[0], new long[0], 0);

  boolean isEmpty() {
    return classIds.length == 0;
  }

  /** How many nodes with this pattern the remaining pods fill completely. */
  long repetitions(long[] remaining) {
    long reps = Long.MAX_VALUE;
    for (int i = 0; i < classIds.length; i++) {
      reps = Math.min(reps, remaining[classIds[i]] / counts[i]);
    }
    return reps;
  }

  @Override
  public String toString() {
    return Arrays.toString(classIds) + "x" + Arrays.toString(counts);
  }
}
