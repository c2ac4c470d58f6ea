package io.flotilla.control.disruption;

import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import java.util.List;
import java.util.Objects;

/**
 * A consolidation worth taking: remove {@code candidates}, launching {@code replacements} first
 * (none for a delete). {@code plan} is the simulation it was found with (where each moved pod
 * goes).
 */
record Move(List<FleetNode> candidates, List<PlannedNode> replacements, Plan plan) {
  public Move {
    candidates = List.copyOf(candidates);
    replacements = List.copyOf(replacements);
    Objects.requireNonNull(plan, "plan");
  }

  boolean delete() {
    return replacements.isEmpty();
  }

  List<String> candidateNames() {
    return candidates.stream().map(FleetNode::name).toList();
  }

  /** The decision's reason: Underutilized/delete or Underutilized/replace k->n. */
  String reason() {
    return delete()
        ? DisruptionDecision.DELETE
        : DisruptionDecision.replace(candidates.size(), replacements.size());
  }
}
