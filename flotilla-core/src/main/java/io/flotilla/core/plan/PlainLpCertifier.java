package io.flotilla.core.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one {@link PlainLpMaster}'s duals into a feasible dual solution of the full plain LP (a
 * {@link PlainLpCertificate}), so that the bound holds whatever the solver's accuracy.
 */
final class PlainLpCertifier {
  private final PlainLpMaster m;

  PlainLpCertifier(PlainLpMaster m) {
    this.m = m;
  }

  /** Turns the master's duals into a feasible dual solution of the full LP and its value. */
  PlainLpCertificate certificate(LinearProgram.Solution s) {
    double[] lambda = s.duals();
    int o = m.r.optionCount();
    double[][] y = new double[o][m.r.dims];
    double[] capTotal = new double[o];
    double[][] omega = new double[m.clusters.size()][];
    for (int i = 0; i < o; i++) {
      for (int d = 0; d < m.r.dims; d++) {
        if (m.capacityRow[i][d] >= 0) {
          y[i][d] = lambda[m.capacityRow[i][d]] / m.r.room[i][d];
        }
      }
    }
    for (int g = 0; g < m.clusters.size(); g++) {
      omega[g] = new double[m.clusters.get(g).options.length];
      for (int j = 0; j < omega[g].length; j++) {
        if (m.capRow[g][j] >= 0) {
          omega[g][j] = lambda[m.capRow[g][j]];
          capTotal[m.clusters.get(g).options[j]] += omega[g][j];
        }
      }
    }
    double[][] pi = m.pools.limitPrices(lambda);
    double[] nu = m.pools.nodePrices(lambda);
    double bound = -m.pools.charge(pi, nu);
    double sigma = m.placedRow >= 0 ? lambda[m.placedRow] / m.total : 0;
    bound -= sigma * (m.total - m.required);
    priceUnloaded(y, pi, nu, capTotal);
    // A node kind's dual row: what its room and caps are worth at these prices may not exceed
    // its price plus what the pools charge for it; the excess is paid by the node bound, or
    // prices on that kind are scaled down.
    double[] scale = new double[o];
    for (int i = 0; i < o; i++) {
      double worth = capTotal[i];
      for (int d = 0; d < m.r.dims; d++) {
        worth += m.r.room[i][d] * y[i][d];
      }
      double charged = 0;
      if (m.r.pool[i] != BoundProblem.NO_POOL) {
        for (int l = 0; l < pi[m.r.pool[i]].length; l++) {
          charged += m.r.counts[i][l] * pi[m.r.pool[i]][l];
        }
        charged += nu[m.r.pool[i]];
      }
      double excess = worth - charged - m.unitCost[i];
      scale[i] = 1;
      if (excess > 0) {
        if (m.r.bound[i] != BoundProblem.UNLIMITED) {
          bound -= excess * m.r.bound[i];
        } else {
          scale[i] = (m.unitCost[i] + charged) / worth;
        }
      }
    }
    double slackPrice =
        switch (m.phase) {
          case COST -> Double.POSITIVE_INFINITY;
          case PLACEMENT -> 1;
          case LIMITED_COST -> sigma;
        };
    PlainLpCertificate cert = new PlainLpCertificate(m.r, y, omega, scale, slackPrice, m.clusters);
    for (int g = 0; g < m.clusters.size(); g++) {
      for (int k : m.clusters.get(g).members) {
        cert.perPod[k] = cert.price(g, m.clusters.get(g), k);
        bound += m.r.pods[k] * cert.perPod[k];
      }
    }
    cert.bound = bound;
    cert.pi = pi;
    cert.nu = nu;
    cert.sigma = m.phase == PlainLpMaster.Phase.LIMITED_COST ? sigma : 0;
    return cert;
  }

  /**
   * Prices the options no cluster loads, which the master leaves at zero: each gets the single
   * resource price (a vertex of its dual constraint) that values its demands highest, given what
   * they pay elsewhere.
   */
  private void priceUnloaded(double[][] y, double[][] pi, double[] nu, double[] capTotal) {
    int o = m.r.optionCount();
    boolean[] loaded = new boolean[o];
    for (int i = 0; i < o; i++) {
      for (int d = 0; d < m.r.dims; d++) {
        loaded[i] |= m.capacityRow[i][d] >= 0;
      }
      loaded[i] |= capTotal[i] > 0;
    }
    double[] elsewhere = new double[m.r.demandCount()];
    Arrays.fill(elsewhere, Double.POSITIVE_INFINITY);
    for (int k = 0; k < m.r.demandCount(); k++) {
      for (int i : m.r.options[k]) {
        if (loaded[i]) {
          double v = 0;
          for (int d = 0; d < m.r.dims; d++) {
            v += m.r.request[k][d] * y[i][d];
          }
          elsewhere[k] = Math.min(elsewhere[k], v);
        }
      }
    }
    List<List<Integer>> served = new ArrayList<>();
    for (int i = 0; i < o; i++) {
      served.add(new ArrayList<>());
    }
    for (int k = 0; k < m.r.demandCount(); k++) {
      for (int i : m.r.options[k]) {
        if (!loaded[i]) {
          served.get(i).add(k);
        }
      }
    }
    for (int i = 0; i < o; i++) {
      if (loaded[i] || served.get(i).isEmpty()) {
        continue;
      }
      double budget = m.unitCost[i];
      if (m.r.pool[i] != BoundProblem.NO_POOL) {
        for (int l = 0; l < pi[m.r.pool[i]].length; l++) {
          budget += m.r.counts[i][l] * pi[m.r.pool[i]][l];
        }
        budget += nu[m.r.pool[i]];
      }
      int bestDim = -1;
      double bestWorth = 0;
      for (int d = 0; d < m.r.dims; d++) {
        if (m.r.room[i][d] == 0) {
          continue;
        }
        double unit = budget / m.r.room[i][d];
        double worth = 0;
        for (int k : served.get(i)) {
          worth += m.r.pods[k] * Math.min(elsewhere[k], m.r.request[k][d] * unit);
        }
        if (worth > bestWorth) {
          bestWorth = worth;
          bestDim = d;
        }
      }
      if (bestDim >= 0) {
        y[i][bestDim] = budget / m.r.room[i][bestDim];
      }
    }
  }

  /** The dual of a cluster's row; for a m.fixed cluster, what its one option charges it. */
  double clusterDual(LinearProgram.Solution s, PlainLpCertificate cert, int g) {
    if (m.clusterRow[g] >= 0) {
      return s.duals()[m.clusterRow[g]];
    }
    double u = 0;
    for (int d = 0; d < m.r.dims; d++) {
      u += m.clusters.get(g).load[d] * cert.y[m.fixed[g]][d];
    }
    return u;
  }
}
