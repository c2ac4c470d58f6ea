package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import java.util.List;

/**
 * What a pool may still launch, per limited resource and in nodes ({@link BoundProblem#UNLIMITED}:
 * no node cap), as read from a {@link PoolBudget}.
 *
 * <p>{@link PoolBudget} only answers "how many nodes of this shape", so the amounts are read with
 * probe shapes of the pool that count one resource only: with no node cap, the allowance of a probe
 * counting one unit of a limit is that limit's remainder. With a node cap, a copy of the budget
 * first gets its node count raised (a probe counting nothing is refunded) and the remainder is read
 * in base-2^30 digits, each taken off the copy as it is read.
 */
record PoolRemainder(NodePool pool, List<String> names, long[] amounts, long nodes) {
  private static final long DIGIT = 1L << 30;

  PoolRemainder {
    names = List.copyOf(names);
    amounts = amounts.clone();
  }

  boolean limited() {
    return amounts.length > 0 || nodes != BoundProblem.UNLIMITED;
  }

  /** Reads the remainder of {@code sample}'s pool; the budget itself is left untouched. */
  static PoolRemainder read(PoolBudget budget, Shape sample) {
    NodePool pool = sample.pool();
    List<String> names = List.copyOf(pool.limits().names());
    Shape nothing = probe(sample, Resources.NONE);
    long nodes = budget.allowance(nothing);
    long[] amounts = new long[names.size()];
    for (int l = 0; l < names.size(); l++) {
      amounts[l] =
          nodes == Long.MAX_VALUE
              ? budget.allowance(probe(sample, Resources.of(names.get(l), 1)))
              : digits(budget, sample, nothing, nodes, names.get(l));
    }
    return new PoolRemainder(
        pool, names, amounts, nodes == Long.MAX_VALUE ? BoundProblem.UNLIMITED : nodes);
  }

  private static long digits(
      PoolBudget budget, Shape sample, Shape nothing, long nodes, String limit) {
    PoolBudget copy = budget.copy();
    copy.refund(nothing, Integer.MAX_VALUE - nodes);
    long value = 0;
    for (long q = DIGIT * DIGIT; q >= 1; q /= DIGIT) {
      long k = copy.allowance(probe(sample, Resources.of(limit, q)));
      if (k > 0) {
        copy.spend(probe(sample, Resources.of(limit, k * q)), 1);
        copy.refund(nothing, 1);
        value += k * q;
      }
    }
    return value;
  }

  /** A shape of the pool that counts {@code counted} against its limits and nothing else. */
  private static Shape probe(Shape sample, Resources counted) {
    return new Shape(
        -1,
        sample.pool(),
        sample.offering(),
        sample.template(),
        sample.free(),
        sample.daemonOverhead(),
        sample.allocatable(),
        counted,
        0,
        0);
  }

  /** What one node of the shape counts against each of the limits, in {@link #names()} order. */
  long[] counts(Shape shape) {
    long[] c = new long[names.size()];
    for (int l = 0; l < c.length; l++) {
      c[l] = PoolBudget.counted(shape, names.get(l));
    }
    return c;
  }
}
