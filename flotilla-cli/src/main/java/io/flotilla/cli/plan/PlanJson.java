package io.flotilla.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.PodId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON, a contract: top-level keys nodes, unschedulable, costPerHour (new nodes only)
 * and, when computed, lowerBoundPerHour.
 */
final class PlanJson {
  private PlanJson() {}

  static void write(PrintWriter out, Planner.Outcome outcome) {
    Plan plan = outcome.plan();
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (PlannedNode n : plan.nodes()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("name", n.name());
      node.put("existing", n.existing());
      node.put("nodePool", n.nodePool());
      node.put("instanceType", n.instanceType());
      node.put("capacityType", n.capacityType() == null ? null : n.capacityType().label());
      node.put("zone", n.zone());
      node.put("arch", n.arch());
      node.put("pricePerHour", n.pricePerHour());
      node.put("pods", n.pods().stream().map(PodId::toString).toList());
      nodes.add(node);
    }
    root.put("nodes", nodes);
    List<Map<String, Object>> failed = new ArrayList<>();
    for (Unschedulable u : plan.unschedulable()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("pod", u.pod().toString());
      entry.put("reason", u.reason());
      failed.add(entry);
    }
    root.put("unschedulable", failed);
    root.put("costPerHour", Money.round(plan.newCostPerHour()));
    if (outcome.lowerBoundPerHour() != null) {
      root.put("lowerBoundPerHour", Money.round(outcome.lowerBoundPerHour()));
    }
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
