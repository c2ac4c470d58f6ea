package io.flotilla.core.plan;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact packing's integer programs this planner has solved, by their numbers. A controller
 * plans nearly the same cluster over and over (consolidation simulates its candidates on every
 * pass), so the same small program (these pods, these node patterns at these prices, these pool
 * remainders) comes back many times, and its branch and bound was most of a simulation's time.
 * {@link IntegerCover} is deterministic, so answering a program again from here changes no plan.
 * Bounded by the numbers the keys hold (least recently used go first); a program too large to be
 * worth keeping is solved without being kept.
 */
final class SolvedCovers {
  /** Numbers all keys together may hold (8 bytes each: 16 MiB). */
  static final long MAX_NUMBERS = 2_000_000;

  /** A program larger than this is solved every time. */
  static final int MAX_KEY_NUMBERS = 20_000;

  private final Map<Program, Optional<long[]>> solved = new LinkedHashMap<>(64, 0.75f, true);
  private long numbers;
  private long hits;
  private long misses;

  /** What {@code new IntegerCover(cost, upper, rows).solve(maxNodes, toBeat)} answers. */
  synchronized Optional<long[]> solve(
      double[] cost, double[] upper, List<IntegerCover.Row> rows, long maxNodes, double toBeat) {
    Program key = Program.of(cost, upper, rows, maxNodes, toBeat);
    if (key == null) {
      misses++;
      return new IntegerCover(cost, upper, rows).solve(maxNodes, toBeat);
    }
    Optional<long[]> answer = solved.get(key);
    if (answer != null) {
      hits++;
      return answer.map(long[]::clone);
    }
    misses++;
    answer = new IntegerCover(cost, upper, rows).solve(maxNodes, toBeat);
    solved.put(key, answer.map(long[]::clone));
    numbers += key.size();
    for (Iterator<Program> it = solved.keySet().iterator(); numbers > MAX_NUMBERS; ) {
      numbers -= it.next().size();
      it.remove();
    }
    return answer;
  }

  /** Programs answered from memory so far. */
  synchronized long hits() {
    return hits;
  }

  /** Programs solved so far. */
  synchronized long misses() {
    return misses;
  }

  /** A program's numbers in one array: compared and hashed by value. */
  private static final class Program {
    private final double[] numbers;
    private final int hash;

    private Program(double[] numbers) {
      this.numbers = numbers;
      this.hash = Arrays.hashCode(numbers);
    }

    static Program of(
        double[] cost, double[] upper, List<IntegerCover.Row> rows, long maxNodes, double toBeat) {
      long size = 4L + 2L * cost.length;
      for (IntegerCover.Row r : rows) {
        size += 2 + 2L * r.indices().length;
      }
      if (size > MAX_KEY_NUMBERS) {
        return null;
      }
      double[] n = new double[(int) size];
      int k = 0;
      n[k++] = cost.length;
      n[k++] = maxNodes;
      n[k++] = toBeat;
      n[k++] = rows.size();
      for (int j = 0; j < cost.length; j++) {
        n[k++] = cost[j];
        n[k++] = upper[j];
      }
      for (IntegerCover.Row r : rows) {
        n[k++] = r.indices().length;
        n[k++] = r.bound();
        for (int i = 0; i < r.indices().length; i++) {
          n[k++] = r.indices()[i];
          n[k++] = r.values()[i];
        }
      }
      return new Program(n);
    }

    int size() {
      return numbers.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Program p && p.hash == hash && Arrays.equals(p.numbers, numbers);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
