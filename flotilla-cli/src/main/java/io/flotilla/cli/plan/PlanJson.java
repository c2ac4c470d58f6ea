package io.flotilla.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flotilla.core.plan.CostBound;
import io.flotilla.core.plan.NodeOffering;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Quantity;
import io.flotilla.core.resource.Resources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan as JSON, a contract documented in the README: top-level keys nodes, unschedulable,
 * costPerHour (new nodes only), warnings and, when computed, lowerBoundPerHour and lowerBound.
 * Money keeps six decimals.
 */
final class PlanJson {
  private PlanJson() {}

  static void write(PrintWriter out, Planner.Outcome outcome, List<String> warnings) {
    Plan plan = outcome.plan();
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> nodes = new ArrayList<>();
    for (PlannedNode n : plan.nodes()) {
      nodes.add(node(n));
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
    CostBound bound = outcome.bound();
    if (bound != null) {
      root.put("lowerBoundPerHour", Money.round(bound.best()));
      Map<String, Object> lp = new LinkedHashMap<>();
      lp.put("plainLpPerHour", Money.round(bound.plainLp()));
      lp.put("plainLpOptimal", bound.plainLpOptimal());
      lp.put(
          "configurationLpPerHour",
          bound.configurationLp() == null ? null : Money.round(bound.configurationLp()));
      lp.put("kind", bound.kind());
      lp.put("scope", bound.scope());
      root.put("lowerBound", lp);
    }
    root.put("warnings", List.copyOf(warnings));
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> node(PlannedNode n) {
    NodeOffering offering = n.offering();
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", n.name());
    node.put("existing", n.existing());
    node.put("nodePool", n.nodePool());
    node.put("instanceType", n.instanceType());
    node.put("capacityType", n.capacityType() == null ? null : n.capacityType().label());
    node.put("zone", n.zone());
    node.put("arch", n.arch());
    node.put(
        "interruptionBand",
        offering.interruptionBand() == null ? null : offering.interruptionBand().label());
    node.put("pricePerHour", money(n.pricePerHour()));
    node.put("instancePricePerHour", money(offering.instancePerHour()));
    node.put("storagePricePerHour", Money.round(offering.storagePerHour()));
    node.put("priceSource", offering.priceSource() == null ? null : offering.priceSource().label());
    node.put("labels", new TreeMap<>(n.labels()));
    node.put("allocatable", quantities(n.allocatable()));
    node.put("used", quantities(n.used()));
    node.put("pods", n.pods().stream().map(PodId::toString).toList());
    return node;
  }

  private static Double money(Double usd) {
    return usd == null ? null : Money.round(usd);
  }

  /** Resource name to Kubernetes quantity string, e.g. cpu: "3920m", memory: "14162Mi". */
  private static Map<String, String> quantities(Resources resources) {
    Map<String, String> out = new TreeMap<>();
    if (resources != null) {
      resources.asMap().forEach((name, amount) -> out.put(name, Quantity.format(name, amount)));
    }
    return out;
  }
}
