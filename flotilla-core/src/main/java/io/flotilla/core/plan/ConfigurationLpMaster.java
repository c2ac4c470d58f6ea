package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link ConfigurationLpBound}'s master LP over the columns found so far. */
final class ConfigurationLpMaster {
  private final BoundReduction r;
  private final List<ConfigurationLpBound.Column> columns;
  private final boolean limited;
  private final long total;
  private final long required;

  final LinearProgram lp;
  final int[] demandRow;
  final int[] boundRow;
  final PoolRows pools;
  final int placedRow;

  ConfigurationLpMaster(
      BoundReduction r,
      List<ConfigurationLpBound.Column> columns,
      boolean limited,
      long total,
      long required) {
    this.r = r;
    this.columns = columns;
    this.limited = limited;
    this.total = total;
    this.required = required;
    int n = columns.size();
    int k = r.demandCount();
    int vars = n + (limited ? k + 1 : 0);
    lp = new LinearProgram(vars);
    List<List<Integer>> byDemand = new ArrayList<>();
    List<List<Double>> coef = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byDemand.add(new ArrayList<>());
      coef.add(new ArrayList<>());
    }
    List<List<Integer>> byOption = new ArrayList<>();
    for (int o = 0; o < r.optionCount(); o++) {
      byOption.add(new ArrayList<>());
    }
    for (int j = 0; j < n; j++) {
      ConfigurationLpBound.Column c = columns.get(j);
      lp.cost(j, r.price[c.option()]);
      byOption.get(c.option()).add(j);
      for (int i = 0; i < c.demands().length; i++) {
        int d = c.demands()[i];
        byDemand.get(d).add(j);
        coef.get(d).add(-(double) c.counts()[i] / r.pods[d]);
      }
    }
    demandRow = new int[k];
    for (int i = 0; i < k; i++) {
      if (limited) {
        byDemand.get(i).add(n + i);
        coef.get(i).add(-1.0);
        lp.upper(n + i, 1);
      }
      demandRow[i] = lp.row(byDemand.get(i), coef.get(i), -1);
    }
    boundRow = new int[r.optionCount()];
    for (int o = 0; o < r.optionCount(); o++) {
      List<Integer> mine = byOption.get(o);
      boundRow[o] =
          r.bound[o] == BoundProblem.UNLIMITED || mine.isEmpty() ? -1 : lp.row(mine, 1, r.bound[o]);
    }
    pools = PoolRows.add(lp, r, n, j -> columns.get(j).option());
    if (limited) {
      // The placed-pod row is elastic at a prohibitive price, so the first masters are
      // feasible before patterns for the limited kinds exist.
      List<Integer> idx = new ArrayList<>();
      List<Double> val = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        idx.add(n + i);
        val.add((double) r.pods[i] / total);
      }
      idx.add(n + k);
      val.add(-1.0);
      double dearest = Arrays.stream(r.price).max().orElse(1);
      lp.cost(n + k, 10 * (dearest + 1) * total);
      placedRow = lp.row(idx, val, (double) (total - required) / total + 1e-9);
    } else {
      placedRow = -1;
    }
  }

  ConfigurationLpDuals duals(LinearProgram.Solution s) {
    double[] lambda = s.duals();
    double[] perPod = new double[r.demandCount()];
    for (int i = 0; i < perPod.length; i++) {
      perPod[i] = lambda[demandRow[i]] / r.pods[i];
    }
    double[][] pi = pools.limitPrices(lambda);
    double[] nu = pools.nodePrices(lambda);
    double sigma = placedRow >= 0 ? lambda[placedRow] / total : 0;
    ConfigurationLpDuals partial =
        new ConfigurationLpDuals(perPod, new double[r.optionCount()], pi, nu, sigma);
    double[] charge = new double[r.optionCount()];
    for (int o = 0; o < charge.length; o++) {
      charge[o] = partial.poolCharge(r, o) + (boundRow[o] >= 0 ? lambda[boundRow[o]] : 0);
    }
    return new ConfigurationLpDuals(perPod, charge, pi, nu, sigma);
  }
}
