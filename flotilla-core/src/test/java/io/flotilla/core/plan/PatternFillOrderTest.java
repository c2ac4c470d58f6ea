package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void aShapesOrdersCutFromItsRoomsAreWhatSortingItsOwnClassesGives(long seed) {
    // A room's orders cover the classes of all its shapes; a shape keeps its own classes, anchor
    // classes (exotic shapes) first. That must equal sorting the shape's classes alone.
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(80);
      int[] union = IntStream.range(0, n).filter(i -> random.nextInt(3) > 0).toArray();
      double[] density = new double[n];
      double[] size = new double[n];
      for (int c = 0; c < n; c++) {
        density[c] = random.nextInt(4) == 0 ? 1.0 : random.nextDouble();
        size[c] = random.nextInt(4) == 0 ? 0.5 : random.nextDouble();
      }
      BitSet compatible = new BitSet();
      BitSet anchors = random.nextBoolean() ? null : new BitSet();
      for (int c : union) {
        if (random.nextBoolean()) {
          compatible.set(c);
          if (anchors != null && random.nextInt(3) == 0) {
            anchors.set(c);
          }
        }
      }
      PatternFill.Orders room =
          new PatternFill.Orders(
              PatternFill.sorted(union, keysOf(union, density)),
              PatternFill.sorted(union, keysOf(union, size)));

      PatternFill.Orders shape = PatternFill.restricted(room, compatible, anchors);

      int[] own = compatible.stream().toArray();
      assertThat(shape.byDensity()).containsExactly(expected(own, density, anchors));
      assertThat(shape.bySize()).containsExactly(expected(own, size, anchors));
    }
  }

  private static double[] keysOf(int[] ids, double[] byClass) {
    return Arrays.stream(ids).mapToDouble(c -> byClass[c]).toArray();
  }

  /** The comparator sort of the shape's own classes, anchor classes moved to the front. */
  private static int[] expected(int[] own, double[] byClass, BitSet anchors) {
    int[] sorted = byComparator(own, keysOf(own, byClass));
    if (anchors == null) {
      return sorted;
    }
    return IntStream.concat(
            Arrays.stream(sorted).filter(anchors::get),
            Arrays.stream(sorted).filter(c -> !anchors.get(c)))
        .toArray();
  }
}
