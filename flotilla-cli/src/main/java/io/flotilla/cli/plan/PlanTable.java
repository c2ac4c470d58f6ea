package io.flotilla.cli.plan;

import io.flotilla.core.plan.CostBound;
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

/**
 * The plan for people: one row per node, the unschedulable pods, and what it costs. The cost is the
 * new nodes' rows added up; existing nodes show their price in parentheses and are not counted.
 */
final class PlanTable {
  private static final int PODS_SHOWN = 4;
  private static final int HOURS_PER_MONTH = 730;
  private final PrintWriter out;

  PlanTable(PrintWriter out) {
    this.out = out;
  }

  void print(Planner.Outcome outcome, double onDemandX86) {
    Plan plan = outcome.plan();
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "NODE", "POOL", "TYPE", "CAPACITY", "BAND", "ZONE", "ARCH", "$/HOUR", "PODS"
        });
    for (PlannedNode n : plan.nodes()) {
      rows.add(
          new String[] {
            n.name(),
            n.existing() ? "(existing)" : n.nodePool(),
            dash(n.instanceType()),
            n.capacityType() == null ? "-" : n.capacityType().label(),
            n.offering().interruptionBand() == null ? "-" : n.offering().interruptionBand().label(),
            dash(n.zone()),
            dash(n.arch()),
            price(n),
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
    out.printf(
        Locale.ROOT,
        "Pods placed: %d (%d on existing nodes), unschedulable: %d%n",
        placed,
        plan.nodes().stream().filter(PlannedNode::existing).mapToLong(n -> n.pods().size()).sum(),
        plan.unschedulable().size());
    double cost = plan.newCostPerHour();
    if (plan.newNodes().isEmpty()) {
      out.println("No new nodes.");
    } else {
      out.printf(
          Locale.ROOT,
          "New nodes: %d, cost $%s/hour ($%s/month)%n",
          plan.newNodes().size(),
          Money.cents(cost),
          Money.cents(cost * HOURS_PER_MONTH));
    }
    printExisting(plan);
    if (!plan.newNodes().isEmpty()) {
      printOnDemandX86(cost, onDemandX86);
    }
    if (outcome.bound() != null) {
      printBound(outcome.bound(), cost);
    }
  }

  private void printExisting(Plan plan) {
    List<PlannedNode> existing = plan.nodes().stream().filter(PlannedNode::existing).toList();
    if (existing.isEmpty()) {
      return;
    }
    long unknown = existing.stream().filter(n -> n.pricePerHour() == null).count();
    double running =
        existing.stream()
            .filter(n -> n.pricePerHour() != null)
            .mapToDouble(PlannedNode::pricePerHour)
            .sum();
    out.printf(
        Locale.ROOT,
        "Existing nodes: %d%s, $%s/hour already running (prices in parentheses, not counted in"
            + " the cost)%n",
        existing.size(),
        unknown == 0 ? "" : " (" + unknown + " of unknown price)",
        Money.cents(running));
  }

  private void printOnDemandX86(double cost, double onDemandX86) {
    double saved = onDemandX86 > 0 ? 100 * (1 - cost / onDemandX86) : 0;
    String saving =
        Math.abs(saved) >= 0.05
            ? String.format(
                Locale.ROOT, ", %.1f%% %s", Math.abs(saved), saved > 0 ? "saved" : "more")
            : ", the same";
    out.printf(
        Locale.ROOT, "Same nodes on on-demand x86: $%s/hour%s%n", Money.cents(onDemandX86), saving);
  }

  private void printBound(CostBound bound, double cost) {
    double best = bound.best();
    String other =
        bound.configurationLp() == null
            ? ""
            : "configuration-lp".equals(bound.kind())
                ? "; plain-lp $" + Money.cents(bound.plainLp()) + "/hour"
                : "; configuration-lp $" + Money.cents(bound.configurationLp()) + "/hour";
    if (bound.spotFirst()) {
      other += "; for plans keeping Spot-capable pods on Spot nodes";
    }
    out.printf(
        Locale.ROOT,
        "LP lower bound: $%s/hour (%s%s), plan / bound = %s%n",
        Money.cents(best),
        bound.kind(),
        other,
        best > 0 ? String.format(Locale.ROOT, "%.4f", cost / best) : "n/a");
  }

  /** A new node's price; an existing node's in parentheses, since the plan does not buy it. */
  private static String price(PlannedNode n) {
    if (n.pricePerHour() == null) {
      return "-";
    }
    String price = Money.nodePrice(n.pricePerHour());
    return n.existing() ? "(" + price + ")" : price;
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
