package io.flotilla.core.plan;

/**
 * Lower bounds on what launching new nodes for a request must cost, USD per hour: the plain LP
 * relaxation (pod classes spread fractionally over offerings) and, when computed, the tighter
 * configuration LP (whole-node patterns, by column generation). Either is a valid bound; {@link
 * #best()} is the larger.
 *
 * <p>{@code spotFirst}: on large requests the bound keeps Spot-capable pods on Spot node kinds (the
 * program with on-demand kinds beside them is too slow to solve there), so it bounds only plans
 * that do the same; a plan putting Spot-capable pods on on-demand nodes beside pods that need
 * on-demand may cost less. False: a bound on every plan.
 */
public record CostBound(
    double plainLp, Double configurationLp, boolean spotFirst, boolean plainLpOptimal) {
  public CostBound(double plainLp, Double configurationLp) {
    this(plainLp, configurationLp, false, true);
  }

  public CostBound {
    if (!(plainLp >= 0)) {
      throw new IllegalArgumentException("bad plain LP bound " + plainLp);
    }
  }

  public double best() {
    return configurationLp == null ? plainLp : Math.max(plainLp, configurationLp);
  }

  /** What the bound speaks of, for output: "all-plans" or "spot-capable-pods-on-spot". */
  public String scope() {
    return spotFirst ? "spot-capable-pods-on-spot" : "all-plans";
  }

  /** Which bound {@link #best()} is, for output. */
  public String kind() {
    return configurationLp != null && configurationLp > plainLp ? "configuration-lp" : "plain-lp";
  }
}
