package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The aggregated LP of one round of {@link PlainLpBound}, and where each of its rows and columns
 * sits; it builds the certificate of its duals and adds priced columns to its clusters.
 */
final class PlainLpMaster {
  /**
   * COST: every pod placed, minimise price. PLACEMENT: minimise unplaced pods, nodes free.
   * LIMITED_COST: minimise price with at most {@code total - required} pods unplaced.
   */
  enum Phase {
    COST,
    PLACEMENT,
    LIMITED_COST
  }

  private static final double TOLERANCE = 1e-9;

  final BoundReduction r;
  final long total;

  final List<PlainLpCluster> clusters;
  final Phase phase;
  final long required;
  final LinearProgram lp;
  final int[][] column;
  final int[] slack;
  final int[] clusterRow;
  final int[][] capacityRow;
  final int[][] capRow;
  final PoolRows pools;
  final int placedRow;
  final double[] unitCost;

  /** Per cluster, the one option it is fixed to (-1: it has variables and a row). */
  final int[] fixed;

  PlainLpMaster(
      BoundReduction r, long total, List<PlainLpCluster> clusters, Phase phase, long required) {
    this.r = r;
    this.total = total;
    this.clusters = clusters;
    this.phase = phase;
    this.required = required;
    int o = r.optionCount();
    int vars = o;
    column = new int[clusters.size()][];
    fixed = new int[clusters.size()];
    double[][] fixedLoad = new double[o][r.dims];
    for (int g = 0; g < clusters.size(); g++) {
      PlainLpCluster c = clusters.get(g);
      column[g] = new int[c.options.length];
      Arrays.fill(column[g], -1);
      // An uncapped cluster with one option, when every pod must be placed, puts all its pods
      // there: its load is a constant of that option's rows, not a variable.
      fixed[g] =
          phase == Phase.COST && c.rho == 0 && c.columns.cardinality() == 1
              ? c.columns.nextSetBit(0)
              : -1;
      if (fixed[g] >= 0) {
        for (int d = 0; d < r.dims; d++) {
          fixedLoad[fixed[g]][d] += c.load[d];
        }
        continue;
      }
      for (int j = 0; j < c.options.length; j++) {
        column[g][j] = c.columns.get(c.options[j]) ? vars++ : -1;
      }
    }
    boolean slacks = phase != Phase.COST;
    slack = new int[clusters.size()];
    for (int g = 0; g < clusters.size(); g++) {
      slack[g] = slacks ? vars++ : -1;
    }
    lp = new LinearProgram(vars);
    unitCost = new double[o];
    for (int i = 0; i < o; i++) {
      unitCost[i] = phase == Phase.PLACEMENT ? 0 : r.price[i];
      lp.cost(i, unitCost[i]);
      if (r.bound[i] != BoundProblem.UNLIMITED) {
        lp.upper(i, r.bound[i]);
      }
    }
    for (int g = 0; g < clusters.size(); g++) {
      if (slacks) {
        lp.upper(slack[g], 1);
        lp.cost(slack[g], phase == Phase.PLACEMENT ? clusters.get(g).pods : 0);
      }
    }
    clusterRow = new int[clusters.size()];
    for (int g = 0; g < clusters.size(); g++) {
      if (fixed[g] >= 0) {
        clusterRow[g] = -1;
        continue;
      }
      List<Integer> idx = new ArrayList<>();
      for (int v : column[g]) {
        if (v >= 0) {
          idx.add(v);
        }
      }
      if (slacks) {
        idx.add(slack[g]);
      }
      clusterRow[g] = lp.row(idx, -1, -1);
    }
    capacityRow = new int[o][r.dims];
    capRow = new int[clusters.size()][];
    for (int[] row : capacityRow) {
      Arrays.fill(row, -1);
    }
    List<List<Integer>> users = new ArrayList<>();
    for (int i = 0; i < o; i++) {
      users.add(new ArrayList<>());
    }
    for (int g = 0; g < clusters.size(); g++) {
      for (int j = 0; j < column[g].length; j++) {
        if (column[g][j] >= 0) {
          users.get(clusters.get(g).options[j]).add(g);
        }
      }
    }
    for (int i = 0; i < o; i++) {
      for (int d = 0; d < r.dims; d++) {
        if (r.room[i][d] == 0) {
          continue;
        }
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        idx.add(i);
        val.add(-1.0);
        for (int g : users.get(i)) {
          PlainLpCluster c = clusters.get(g);
          if (c.load[d] > 0) {
            idx.add(column[g][Arrays.binarySearch(c.options, i)]);
            val.add(c.load[d] / r.room[i][d]);
          }
        }
        if (idx.size() > 1 || fixedLoad[i][d] > 0) {
          capacityRow[i][d] = lp.row(idx, val, -fixedLoad[i][d] / r.room[i][d]);
        }
      }
    }
    for (int g = 0; g < clusters.size(); g++) {
      PlainLpCluster c = clusters.get(g);
      capRow[g] = new int[c.options.length];
      Arrays.fill(capRow[g], -1);
      for (int j = 0; j < c.options.length; j++) {
        if (column[g][j] >= 0 && c.capRow(c.options[j])) {
          capRow[g][j] =
              lp.row(new int[] {column[g][j], c.options[j]}, new double[] {c.rho, -1}, 0);
        }
      }
    }
    pools = PoolRows.add(lp, r, o, i -> i);
    if (phase == Phase.LIMITED_COST) {
      List<Integer> idx = new ArrayList<>();
      List<Double> val = new ArrayList<>();
      for (int g = 0; g < clusters.size(); g++) {
        idx.add(slack[g]);
        val.add((double) clusters.get(g).pods / total);
      }
      placedRow = lp.row(idx, val, (double) (total - required) / total + 1e-9);
    } else {
      placedRow = -1;
    }
  }

  /** Turns the master's duals into a feasible dual solution of the full LP and its value. */
  PlainLpCertificate certificate(LinearProgram.Solution s) {
    return new PlainLpCertifier(this).certificate(s);
  }

  /** Adds, per cluster, the two options whose aggregated columns would lower the master most. */
  boolean addPricedColumns(LinearProgram.Solution s, PlainLpCertificate cert) {
    boolean grew = false;
    PlainLpCertifier certifier = new PlainLpCertifier(this);
    for (int g = 0; g < clusters.size(); g++) {
      PlainLpCluster c = clusters.get(g);
      double u = certifier.clusterDual(s, cert, g);
      int first = -1;
      int second = -1;
      double firstReduced = -TOLERANCE * Math.max(1, u);
      double secondReduced = firstReduced;
      for (int j = 0; j < c.options.length; j++) {
        int opt = c.options[j];
        if (c.columns.get(opt)) {
          continue;
        }
        double reduced = -u;
        for (int d = 0; d < r.dims; d++) {
          reduced += c.load[d] * cert.y[opt][d];
        }
        if (reduced < firstReduced) {
          second = first;
          secondReduced = firstReduced;
          first = opt;
          firstReduced = reduced;
        } else if (reduced < secondReduced) {
          second = opt;
          secondReduced = reduced;
        }
      }
      for (int opt : new int[] {first, second}) {
        if (opt >= 0) {
          c.columns.set(opt);
          grew = true;
        }
      }
    }
    return grew;
  }
}
