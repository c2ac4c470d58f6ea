package io.flotilla.core.plan;

import java.util.List;

/**
 * The planner's decision: pods onto existing nodes, new nodes to launch, the pods that fit nowhere,
 * and warnings about placements the user should know of (pods of unknown image architecture on
 * arm64, say). A value: adapters print it, simulate it or carry it out.
 */
public record Plan(
    List<PlannedNode> nodes, List<Unschedulable> unschedulable, List<String> warnings) {
  public Plan {
    nodes = List.copyOf(nodes);
    unschedulable = List.copyOf(unschedulable);
    warnings = List.copyOf(warnings);
  }

  public Plan(List<PlannedNode> nodes, List<Unschedulable> unschedulable) {
    this(nodes, unschedulable, List.of());
  }

  public List<PlannedNode> newNodes() {
    return nodes.stream().filter(n -> !n.existing()).toList();
  }

  /** The hourly cost of the nodes this plan launches (instances and their volumes). */
  public double newCostPerHour() {
    return newNodes().stream().mapToDouble(PlannedNode::pricePerHour).sum();
  }

  public Plan withWarnings(List<String> newWarnings) {
    return new Plan(nodes, unschedulable, newWarnings);
  }
}
