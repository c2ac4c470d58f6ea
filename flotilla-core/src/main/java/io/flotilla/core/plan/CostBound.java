package io.flotilla.core.plan;

/**
 * Lower bounds on what launching new nodes for a request must cost, USD per hour: the plain LP
 * relaxation (pod classes spread fractionally over offerings) and, when computed, the tighter
 * configuration LP (whole-node patterns, by column generation). Either is a valid bound; {@link
 * #best()} is the larger.
 */
public record CostBound(double plainLp, Double configurationLp) {
  public CostBound {
    if (!(plainLp >= 0)) {
      throw new IllegalArgumentException("bad plain LP bound " + plainLp);
    }
  }

  public double best() {
    return configurationLp == null ? plainLp : Math.max(plainLp, configurationLp);
  }

  /** Which bound {@link #best()} is, for output. */
  public String kind() {
    return configurationLp != null && configurationLp > plainLp ? "configuration-lp" : "plain-lp";
  }
}
