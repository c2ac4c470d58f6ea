package io.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic, not a gate: the nodes both strategies launch for the diverse 2000-pod mix, seed 1,
 * grouped by type and capacity type with price, pods and cpu/memory utilisation. Run on demand with
 * {@code -Dtest=FirstFitDiagnosticTest}.
 */
@Tag("diagnostic")
class FirstFitDiagnosticTest {
  @Test
  void printsTheNodesOfBothStrategiesOnTheDiverseMix() {
    Catalog catalog = Ec2Catalog.load(CatalogSettings.defaults());
    PlanRequest request =
        new PlanBenchmarkRun(catalog)
            .request(new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 2000, 1));
    Plan ffd = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    Plan planner = new Planner().plan(request);
    Set<PodId> onDemandOnly =
        request.pods().stream()
            .filter(FirstFitDiagnosticTest::needsOnDemand)
            .map(Pod::id)
            .collect(Collectors.toSet());
    print("first-fit", ffd, onDemandOnly);
    print("planner", planner, onDemandOnly);
    assertThat(ffd.newCostPerHour()).isGreaterThanOrEqualTo(planner.newCostPerHour());
  }

  /** Whether every required node-affinity term pins the capacity type to on-demand. */
  private static boolean needsOnDemand(Pod pod) {
    var terms = pod.nodeAffinity().requiredTerms();
    return !terms.isEmpty()
        && terms.stream()
            .allMatch(t -> "on-demand".equals(t.pinnedLabels().get(WellKnownLabels.CAPACITY_TYPE)));
  }

  private static void print(String label, Plan plan, Set<PodId> onDemandOnly) {
    Map<String, double[]> rows = new TreeMap<>();
    for (PlannedNode n : plan.newNodes()) {
      String key = n.nodePool() + " " + n.instanceType() + " " + n.capacityType() + " " + n.arch();
      double[] r = rows.computeIfAbsent(key, k -> new double[6]);
      r[0]++;
      r[1] += n.pricePerHour();
      r[2] += n.pods().size();
      r[3] += n.used().get("cpu") / (double) Math.max(1, n.allocatable().get("cpu"));
      r[4] += n.used().get("memory") / (double) Math.max(1, n.allocatable().get("memory"));
      r[5] += n.pods().stream().filter(onDemandOnly::contains).count();
    }
    System.out.printf(
        "== %s: %d nodes, %.4f/h%n", label, plan.newNodes().size(), plan.newCostPerHour());
    rows.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
        .forEach(
            e -> {
              double[] r = e.getValue();
              System.out.printf(
                  "%-55s n=%3.0f cost=%8.4f pods=%4.0f on-demand-only=%3.0f cpu=%.2f mem=%.2f%n",
                  e.getKey(), r[0], r[1], r[2], r[5], r[3] / r[0], r[4] / r[0]);
            });
  }
}
