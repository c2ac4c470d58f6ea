package io.flotilla.core.plan;

/**
 * {@link ConfigurationLpBound}'s dual prices: per pod of each demand, per node kind the extra a
 * node pays, and the rest.
 */
record ConfigurationLpDuals(
    double[] perPod, double[] nodeCharge, double[][] pi, double[] nu, double sigma) {

  /** The point a share {@code step} of the way from these duals to {@code other}. */
  ConfigurationLpDuals towards(ConfigurationLpDuals other, double step) {
    double[][] p = new double[pi.length][];
    for (int i = 0; i < pi.length; i++) {
      p[i] = mix(pi[i], other.pi[i], step);
    }
    return new ConfigurationLpDuals(
        mix(perPod, other.perPod, step),
        mix(nodeCharge, other.nodeCharge, step),
        p,
        mix(nu, other.nu, step),
        sigma + step * (other.sigma - sigma));
  }

  private static double[] mix(double[] a, double[] b, double step) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] + step * (b[i] - a[i]);
    }
    return out;
  }

  /** What a node of kind {@code o} pays its pool at these duals. */
  double poolCharge(BoundReduction r, int o) {
    double charge = 0;
    if (r.pool[o] != BoundProblem.NO_POOL) {
      for (int l = 0; l < pi[r.pool[o]].length; l++) {
        charge += r.counts[o][l] * pi[r.pool[o]][l];
      }
      charge += nu[r.pool[o]];
    }
    return charge;
  }
}
