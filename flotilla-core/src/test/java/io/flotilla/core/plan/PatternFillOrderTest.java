package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fill orders sort class ids by key, descending, keeping ids of equal keys in their order. */
class PatternFillOrderTest {
  /** The order of a stable comparator sort by Double.compare, descending. */
  private static int[] byComparator(int[] ids, double[] keys) {
    Integer[] idx = new Integer[keys.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(keys[b], keys[a]));
    return Arrays.stream(idx).mapToInt(i -> ids[i]).toArray();
  }

  @Test
  void largerKeysFirstAndEqualKeysInTheirOrder() {
    int[] ids = {10, 11, 12, 13, 14};
    double[] keys = {1.0, 3.0, 1.0, 2.0, 3.0};

    assertThat(PatternFill.sorted(ids, keys)).containsExactly(11, 14, 13, 10, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theOrderIsTheStableComparatorSortsIncludingZerosInfinitiesAndNaN(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] specials = {
      0.0,
      -0.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -1.5,
      1e-12
    };
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(60);
      int[] ids = new int[n];
      double[] keys = new double[n];
      for (int i = 0; i < n; i++) {
        ids[i] = random.nextInt(1000);
        int kind = random.nextInt(4);
        keys[i] =
            kind == 0
                ? specials[random.nextInt(specials.length)]
                : kind == 1 ? random.nextInt(5) : random.nextDouble() * 100 - 50;
      }
      assertThat(PatternFill.sorted(ids, keys)).containsExactly(byComparator(ids, keys));
    }
  }
}
