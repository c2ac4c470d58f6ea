package io.flotilla.core.testing;

import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.testing.check.Invariants;
import java.util.List;

/**
 * Checks a plan against its request from first principles, sharing no matching code with the
 * planner (labels, selectors, taints and allocatable are worked out again in {@code
 * io.flotilla.core.testing.check}): every pod accounted for once; no node over-committed; new nodes
 * bought as catalog offerings and labelled as Karpenter would; every placement honouring node
 * affinity, taints, architecture and pool requirements; hard topology spread on any key; required
 * pod affinity and anti-affinity on any key; host ports; pool limits; and, where the plan is
 * definitely wrong, reuse of existing nodes, pool weight order, minValues, PreferNoSchedule, exotic
 * types and unschedulable reasons. Each invariant has its own method on {@link Invariants}.
 */
public final class PlanInvariants {
  private PlanInvariants() {}

  /** Every violation found, each prefixed with its invariant; empty when the plan is sound. */
  public static List<String> violations(PlanRequest request, Plan plan) {
    return of(request, plan).all();
  }

  /**
   * Violations of the rules every valid placement keeps (accounting, resources, placement, spread,
   * pod affinity and anti-affinity, host ports, pool limits, minValues), leaving out the checks of
   * Karpenter's choices: for strategies that make other choices on purpose.
   */
  public static List<String> constraintViolations(PlanRequest request, Plan plan) {
    return of(request, plan).constraints();
  }

  /** The checks one by one. */
  public static Invariants of(PlanRequest request, Plan plan) {
    return new Invariants(request, plan);
  }
}
