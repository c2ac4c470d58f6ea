package io.flotilla.core.plan;

import java.util.List;

/**
 * Dual prices of {@link PlainLpBound}'s full LP built from one master's duals, and the bound they
 * certify.
 */
final class PlainLpCertificate {
  private final BoundReduction r;

  final double[][] y;
  final double[][] omega;
  final double[] scale;
  final double slackPrice;
  final List<PlainLpCluster> clusters;
  final double[] perPod;
  double bound;
  double[][] pi;
  double[] nu;
  double sigma;

  PlainLpCertificate(
      BoundReduction r,
      double[][] y,
      double[][] omega,
      double[] scale,
      double slackPrice,
      List<PlainLpCluster> clusters) {
    this.r = r;
    this.perPod = new double[r.demandCount()];
    this.y = y;
    this.omega = omega;
    this.scale = scale;
    this.slackPrice = slackPrice;
    this.clusters = clusters;
  }

  /** What demand k's pod is worth on option j of its cluster's list. */
  double on(int g, PlainLpCluster c, int k, int j) {
    int o = c.options[j];
    double v = 0;
    for (int d = 0; d < r.dims; d++) {
      v += r.request[k][d] * y[o][d];
    }
    // The cluster's cap dual, shared out so that the members' caps pay exactly for it.
    if (omega[g][j] > 0) {
      v += omega[g][j] * c.rho / c.pods;
    }
    return v * scale[o];
  }

  /** A pod's dual price: its cheapest option, or leaving it unplaced. */
  double price(int g, PlainLpCluster c, int k) {
    double best = slackPrice;
    for (int j = 0; j < c.options.length; j++) {
      best = Math.min(best, on(g, c, k, j));
    }
    return best;
  }

  /** Which options (last: unplaced) are cheapest for demand k, within tolerance. */
  boolean[] cheapest(int g, PlainLpCluster c, int k) {
    double[] v = new double[c.options.length + 1];
    double best = slackPrice;
    for (int j = 0; j < c.options.length; j++) {
      v[j] = on(g, c, k, j);
      best = Math.min(best, v[j]);
    }
    v[c.options.length] = slackPrice;
    boolean[] out = new boolean[v.length];
    double tol = 1e-9 * Math.max(1e-9, Math.abs(best));
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] <= best + tol;
    }
    return out;
  }
}
