package io.flotilla.core.plan;

/**
 * How many pods of a class each topology domain gets under a spread: the final counts (pods the
 * selector matches, already there plus added) must differ by at most maxSkew, and within that the
 * split is the cheapest by each domain's cost curve. A loose maxSkew therefore concentrates pods
 * where that saves nodes instead of forcing an even split. When fewer domains exist than
 * minDomains, the global minimum counts as 0 and no domain may exceed maxSkew. Every split it
 * returns can be reached pod by pod without breaking the skew, as kube-scheduler checks it.
 */
final class SkewSplit {
  /** Above this much dynamic-programming work the split is balanced instead (large classes). */
  private static final long WORK_LIMIT = 4_000_000;

  private SkewSplit() {}

  /**
   * @param tally matching pods already in each domain
   * @param n pods to add
   * @param cost per domain, cost[d][k] of adding k pods (k = 0..n); null: all domains alike
   * @return pods added per domain; their sum is less than n only when minDomains caps them
   */
  static long[] split(long[] tally, int n, int maxSkew, boolean zeroMin, double[][] cost) {
    if (tally.length == 0) {
      return new long[0];
    }
    int d = tally.length;
    if (zeroMin) {
      return capped(tally, n, maxSkew, cost);
    }
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    long sum = 0;
    for (long t : tally) {
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
      sum += t;
    }
    long mMax = (sum + n) / d;
    if (cost == null || hi - lo > maxSkew || work(tally, n, maxSkew) > WORK_LIMIT) {
      return balanced(tally, n, cost);
    }
    long[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    // From the most even split down: among equally cheap splits the evener one wins.
    for (long m = mMax; m >= lo; m--) {
      long[] candidate = cheapestWithMin(tally, n, maxSkew, m, cost);
      if (candidate != null) {
        double c = total(candidate, cost);
        if (c < bestCost - 1e-12) {
          bestCost = c;
          best = candidate;
        }
      }
    }
    return best != null ? best : balanced(tally, n, cost);
  }

  /** Whether a cost-driven split of n pods is affordable (else callers need not build curves). */
  static boolean costDriven(long[] tally, int n, int maxSkew) {
    return tally.length > 1 && work(tally, n, maxSkew) <= WORK_LIMIT;
  }

  private static long work(long[] tally, int n, int maxSkew) {
    long lo = Long.MAX_VALUE;
    long sum = 0;
    for (long t : tally) {
      lo = Math.min(lo, t);
      sum += t;
    }
    long mMax = (sum + n) / tally.length;
    return (mMax - lo + 1) * tally.length * (long) (n + 1) * Math.min(n + 1, maxSkew + 1);
  }

  /** The cheapest additions with every final count in [m, m + maxSkew], or null. */
  private static long[] cheapestWithMin(long[] tally, int n, int maxSkew, long m, double[][] cost) {
    int d = tally.length;
    double[][] table = new double[d + 1][n + 1];
    int[][] choice = new int[d + 1][n + 1];
    java.util.Arrays.fill(table[0], Double.POSITIVE_INFINITY);
    table[0][0] = 0;
    for (int i = 0; i < d; i++) {
      long from = Math.max(0, m - tally[i]);
      long to = Math.min(n, m + maxSkew - tally[i]);
      java.util.Arrays.fill(table[i + 1], Double.POSITIVE_INFINITY);
      if (from > to) {
        return null;
      }
      for (int j = 0; j <= n; j++) {
        if (table[i][j] == Double.POSITIVE_INFINITY) {
          continue;
        }
        for (long a = from; a <= to && j + a <= n; a++) {
          double c = table[i][j] + cost[i][(int) a];
          if (c < table[i + 1][j + (int) a] - 1e-12) {
            table[i + 1][j + (int) a] = c;
            choice[i + 1][j + (int) a] = (int) a;
          }
        }
      }
    }
    if (table[d][n] == Double.POSITIVE_INFINITY) {
      return null;
    }
    long[] out = new long[d];
    int j = n;
    for (int i = d; i > 0; i--) {
      out[i - 1] = choice[i][j];
      j -= choice[i][j];
    }
    return out;
  }

  /** Each pod to the domain with the fewest, the cheaper (then the earlier) on ties. */
  static long[] balanced(long[] tally, int n, double[][] cost) {
    long[] now = tally.clone();
    long[] out = new long[tally.length];
    for (int p = 0; p < n; p++) {
      int best = 0;
      for (int i = 1; i < now.length; i++) {
        if (now[i] < now[best]
            || (now[i] == now[best]
                && cost != null
                && step(cost, i, out) < step(cost, best, out))) {
          best = i;
        }
      }
      now[best]++;
      out[best]++;
    }
    return out;
  }

  /** Too few domains for minDomains: each domain holds at most maxSkew, cheapest domains first. */
  private static long[] capped(long[] tally, int n, int maxSkew, double[][] cost) {
    long[] out = new long[tally.length];
    long left = n;
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < tally.length; i++) {
        if (tally[i] + out[i] >= maxSkew) {
          continue;
        }
        if (best < 0
            || tally[i] + out[i] < tally[best] + out[best]
            || (tally[i] + out[i] == tally[best] + out[best]
                && cost != null
                && step(cost, i, out) < step(cost, best, out))) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      out[best]++;
      left--;
    }
    return out;
  }

  private static double step(double[][] cost, int domain, long[] added) {
    int k = (int) added[domain];
    return k + 1 < cost[domain].length ? cost[domain][k + 1] - cost[domain][k] : 0;
  }

  private static double total(long[] additions, double[][] cost) {
    double c = 0;
    for (int i = 0; i < additions.length; i++) {
      c += cost[i][(int) additions[i]];
    }
    return c;
  }
}
