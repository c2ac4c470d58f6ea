package io.flotilla.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.traffic.Traffic;
import io.flotilla.sim.world.World;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BenchWorldGeneratorTest {
  private static Catalog catalog;

  @BeforeAll
  static void loadCatalog() {
    catalog = Ec2Catalog.load(CatalogSettings.defaults());
  }

  @Test
  void theSameSeedGivesTheSameWorldAndAnotherSeedAnotherOne() {
    World first = BenchWorldGenerator.generate(catalog, 2_000, 7);
    World again = BenchWorldGenerator.generate(catalog, 2_000, 7);
    World other = BenchWorldGenerator.generate(catalog, 2_000, 8);

    assertThat(again.workloads()).isEqualTo(first.workloads());
    assertThat(again.autoscalers()).isEqualTo(first.autoscalers());
    assertThat(again.budgets()).isEqualTo(first.budgets());
    assertThat(again.config().pools()).isEqualTo(first.config().pools());
    assertThat(other.workloads()).isNotEqualTo(first.workloads());
  }

  @Test
  void theStartingReplicasAddUpToExactlyThePodsRequested() {
    for (int pods : List.of(1, 7, 200, 1_000, 10_000)) {
      World world = BenchWorldGenerator.generate(catalog, pods, 1);

      assertThat(world.workloads().stream().mapToInt(Workload::replicas).sum())
          .as("%d pods", pods)
          .isEqualTo(pods);
      assertThat(world.workloads()).allMatch(w -> w.replicas() >= 1);
    }
  }

  @Test
  void tenThousandPodsAreAHundredDeploymentsOfVariedSizesAndRequests() {
    World world = BenchWorldGenerator.generate(catalog, 10_000, 1);

    assertThat(world.workloads()).hasSize(100);
    assertThat(world.workloads()).allMatch(w -> w.kind() == Workload.Kind.DEPLOYMENT);
    Set<Integer> sizes =
        world.workloads().stream().map(Workload::replicas).collect(Collectors.toSet());
    assertThat(sizes).hasSizeGreaterThan(40);
    Set<Long> cpus =
        world.workloads().stream()
            .map(w -> w.template().requests().get(ResourceNames.CPU))
            .collect(Collectors.toSet());
    assertThat(cpus).hasSizeGreaterThan(10).allMatch(m -> m >= 100 && m <= 2_000);
  }

  @Test
  void everyDeploymentHasItsOwnHpaAndItsOwnBudgetOfTenPercentUnavailable() {
    World world = BenchWorldGenerator.generate(catalog, 1_000, 3);

    assertThat(world.autoscalers()).hasSameSizeAs(world.workloads());
    assertThat(world.budgets()).hasSameSizeAs(world.workloads());
    for (Workload w : world.workloads()) {
      List<Autoscaler> hpas =
          world.autoscalers().stream()
              .filter(a -> a.targetOwner().equals(w.owner()) && a.namespace().equals(w.namespace()))
              .toList();
      assertThat(hpas).as(w.name()).hasSize(1);
      assertThat(hpas.get(0).minReplicas()).isLessThanOrEqualTo(w.replicas());
      assertThat(hpas.get(0).maxReplicas()).isGreaterThan(w.replicas());
      List<DisruptionBudget> covering =
          world.budgets().stream().filter(b -> b.covers(w.template())).toList();
      assertThat(covering).as(w.name()).hasSize(1);
      assertThat(covering.get(0).maxUnavailable()).isEqualTo(new DisruptionBudget.Amount(10, true));
    }
  }

  @Test
  void eachDeploymentsLoadWavesHourlyAroundWhatItsStartingReplicasHoldAtTheTarget() {
    World world = BenchWorldGenerator.generate(catalog, 1_000, 5);

    double replicasAtMeanLoad = 0;
    for (Workload w : world.workloads()) {
      assertThat(w.cpuLoad()).as(w.name()).isPresent();
      Traffic.Wave wave = (Traffic.Wave) w.cpuLoad().get();
      assertThat(wave.period()).isEqualTo(BenchWorldGenerator.WAVE_PERIOD);
      assertThat(wave.peakAt()).isLessThan(BenchWorldGenerator.PEAK_SPREAD);
      assertThat(wave.max()).isGreaterThan(wave.min() * 1.3);
      double requestCores = w.template().requests().get(ResourceNames.CPU) / 1000.0;
      double mean = (wave.min() + wave.max()) / 2;
      replicasAtMeanLoad += mean / (requestCores * BenchWorldGenerator.TARGET_CPU_PERCENT / 100.0);
    }
    // At the HPA's target, the mean load asks for the pods requested (the load is not rounded).
    assertThat(replicasAtMeanLoad).isCloseTo(1_000, within(1e-6));
  }

  @Test
  void thePoolIsGeneralPurposeSpotAndOnDemandOnBothArchitecturesWithConsolidation() {
    World world = BenchWorldGenerator.generate(catalog, 100, 1);

    assertThat(world.config().pools()).hasSize(1);
    NodePool pool = world.config().pools().get(0);
    assertThat(pool.requirements().list())
        .anyMatch(
            r ->
                r.key().equals(WellKnownLabels.CAPACITY_TYPE)
                    && r.values().equals(Set.of("spot", "on-demand")))
        .anyMatch(
            r ->
                r.key().equals(WellKnownLabels.ARCH) && r.values().equals(Set.of("amd64", "arm64")))
        .anyMatch(
            r ->
                r.key().equals(WellKnownLabels.INSTANCE_CATEGORY)
                    && r.values().equals(Set.of("c", "m", "r")));
    assertThat(pool.disruption().consolidationPolicy())
        .isEqualTo(Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED);
    // The pool can launch types of both architectures and both capacity types from the catalog.
    Set<String> offered =
        catalog.offerings().stream()
            .filter(o -> pool.requirements().matches(labels(o)))
            .map(o -> o.type().arch() + "/" + o.capacityType().label())
            .collect(Collectors.toSet());
    assertThat(offered).contains("amd64/spot", "amd64/on-demand", "arm64/spot", "arm64/on-demand");
  }

  private static Map<String, String> labels(Offering o) {
    Map<String, String> labels = new TreeMap<>(o.type().labels());
    labels.put(WellKnownLabels.CAPACITY_TYPE, o.capacityType().label());
    return labels;
  }

  @Test
  void aWorldWithoutPodsIsRefused() {
    assertThatThrownBy(() -> BenchWorldGenerator.generate(catalog, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
