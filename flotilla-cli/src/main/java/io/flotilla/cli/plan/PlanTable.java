package io.flotilla.cli.plan;

import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.PodId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plan for people: one row per node, the unschedulable pods, and what it costs. */
final class PlanTable {
  private static final int PODS_SHOWN = 4;
  private final PrintWriter out;

  PlanTable(PrintWriter out) {
    this.out = out;
  }

  void print(Planner.Outcome outcome, double onDemandX86) {
    Plan plan = outcome.plan();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NODE", "POOL", "TYPE", "CAPACITY", "ZONE", "ARCH", "$/HOUR", "PODS"});
    for (PlannedNode n : plan.nodes()) {
      rows.add(
          new String[] {
            n.name(),
            n.existing() ? "(existing)" : n.nodePool(),
            dash(n.instanceType()),
            n.capacityType() == null ? "-" : n.capacityType().label(),
            dash(n.zone()),
            dash(n.arch()),
            n.pricePerHour() == null ? "-" : Money.format(n.pricePerHour()),
            pods(n.pods())
          });
    }
    printAligned(rows);
    if (!plan.unschedulable().isEmpty()) {
      out.println();
      out.println("Unschedulable pods (" + plan.unschedulable().size() + "):");
      for (Unschedulable u : plan.unschedulable()) {
        out.println("  " + u.pod() + ": " + u.reason());
      }
    }
    out.println();
    long placed = plan.nodes().stream().mapToLong(n -> n.pods().size()).sum();
    double cost = plan.newCostPerHour();
    out.printf(
        Locale.ROOT,
        "Pods placed: %d (%d on existing nodes), unschedulable: %d%n",
        placed,
        plan.nodes().stream().filter(PlannedNode::existing).mapToLong(n -> n.pods().size()).sum(),
        plan.unschedulable().size());
    out.printf(
        Locale.ROOT,
        "New nodes: %d, cost $%s/hour ($%s/month)%n",
        plan.newNodes().size(),
        Money.format(cost),
        Money.format(cost * 730));
    double saved = onDemandX86 > 0 ? 100 * (1 - cost / onDemandX86) : 0;
    String saving =
        onDemandX86 > 0 && Math.abs(saved) >= 0.05
            ? String.format(
                Locale.ROOT, ", %.1f%% %s", Math.abs(saved), saved > 0 ? "saved" : "more")
            : onDemandX86 > 0 ? ", the same" : "";
    out.printf(
        Locale.ROOT,
        "Same nodes on on-demand x86: $%s/hour%s%n",
        Money.format(onDemandX86),
        saving);
    if (outcome.lowerBoundPerHour() != null) {
      double bound = outcome.lowerBoundPerHour();
      out.printf(
          Locale.ROOT,
          "LP lower bound: $%s/hour (plan / bound = %s)%n",
          Money.format(bound),
          bound > 0 ? String.format(Locale.ROOT, "%.4f", cost / bound) : "n/a");
    }
  }

  private static String pods(List<PodId> pods) {
    if (pods.isEmpty()) {
      return "0";
    }
    String shown =
        pods.stream().limit(PODS_SHOWN).map(PodId::toString).collect(Collectors.joining(","));
    return pods.size()
        + " "
        + shown
        + (pods.size() > PODS_SHOWN ? ",... (+" + (pods.size() - PODS_SHOWN) + ")" : "");
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private void printAligned(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
