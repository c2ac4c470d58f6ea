package io.flotilla.control.disruption;

import static io.flotilla.control.disruption.ConsolidationTest.EARLIER;
import static io.flotilla.control.disruption.ConsolidationTest.NOW;
import static io.flotilla.control.disruption.ConsolidationTest.ZONE;
import static io.flotilla.control.disruption.ConsolidationTest.consolidating;
import static io.flotilla.control.disruption.ConsolidationTest.disrupted;
import static io.flotilla.control.disruption.ConsolidationTest.loop;
import static io.flotilla.core.catalog.CapacityType.ON_DEMAND;
import static io.flotilla.core.catalog.CapacityType.SPOT;
import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which replacements a strategy allows: 1 -> N splits, and Spot replaced by Spot. */
class ReplacementRulesTest {
  /** Two pods that fit one m5.2xlarge or two m5.large, at half the price. */
  private static TestFleet splittable() {
    NodePool twoTypes =
        pool("general", 10)
            .require(WellKnownLabels.INSTANCE_TYPE, "m5.large", "m5.2xlarge")
            .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
            .disruption(consolidating(Budget.DEFAULT))
            .build();
    return new TestFleet(TestCatalog.create(), twoTypes)
        .node("big", "m5.2xlarge", ON_DEMAND, ZONE, EARLIER)
        .pods("big", app("web").requests("1500m", "3Gi").replicas(2));
  }

  @Test
  void flotillaSplitsANodeIntoSeveralCheaperNodesAndKarpenterDoesNot() {
    TestFleet fleet = splittable();

    DisruptionPass flotilla =
        loop(Planner.Strategy.OPTIMIZED, DisruptionSettings.FLOTILLA, fleet)
            .decide(fleet.input(), NOW);
    DisruptionPass karpenter =
        loop(Planner.Strategy.OPTIMIZED, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(flotilla.launches())
        .extracting(l -> l.offering().type())
        .containsExactly("m5.large", "m5.large");
    assertThat(flotilla.decisions())
        .extracting(DisruptionDecision::reason)
        .containsExactly("Underutilized/replace 1->2");
    assertThat(karpenter.launches()).isEmpty();
    assertThat(karpenter.decisions()).isEmpty();
  }

  @Test
  void aSplitIsNotTakenWhenItIsNotCheaper() {
    TestFleet fleet = splittable();

    // Karpenter's packing keeps both pods on one m5.2xlarge: the same price, no move.
    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.FLOTILLA, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.launches()).isEmpty();
    assertThat(pass.decisions()).isEmpty();
  }

  private static NodePool m5Spot() {
    return pool("spot", 10)
        .require(WellKnownLabels.INSTANCE_FAMILY, "m5")
        .require(WellKnownLabels.CAPACITY_TYPE, "spot")
        .disruption(consolidating(Budget.DEFAULT))
        .build();
  }

  private static DisruptionSettings spotToSpotMin(int types) {
    DisruptionSettings k = DisruptionSettings.KARPENTER;
    return new DisruptionSettings(
        k.mode(),
        k.maxReplacementsPerNode(),
        types,
        k.multiNodeCandidates(),
        k.singleNodeAttemptsPerPass(),
        k.multiNodeInterval(),
        Duration.ZERO,
        k.replacementTimeout(),
        k.retryAfter(),
        k.scaleDown());
  }

  private static TestFleet oversizedSpot(Catalog catalog) {
    // In the cheapest zone, so its own type elsewhere is not cheaper.
    return new TestFleet(catalog, m5Spot())
        .node("big", "m5.4xlarge", SPOT, ZONE, EARLIER)
        .pods("big", app("web").requests("1", "2Gi").replicas(1));
  }

  @Test
  void aSpotNodeIsReplacedBySpotOnlyWithEnoughCheaperSpotTypes() {
    // m5.large, m5.xlarge and m5.2xlarge are the Spot types cheaper than the node: three.
    TestFleet fleet = oversizedSpot(TestCatalog.create());

    DisruptionPass three =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, spotToSpotMin(3), fleet)
            .decide(fleet.input(), NOW);
    DisruptionPass four =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, spotToSpotMin(4), fleet)
            .decide(fleet.input(), NOW);
    DisruptionPass karpenter =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(three.launches()).extracting(l -> l.offering().capacityType()).containsExactly(SPOT);
    assertThat(four.launches()).isEmpty();
    assertThat(karpenter.launches()).isEmpty();
  }

  @Test
  void withFifteenCheaperSpotTypesKarpentersRuleLetsSpotReplaceSpot() {
    TestFleet fleet = oversizedSpot(withCheapSpotTypes(TestCatalog.create(), 12));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.launches()).hasSize(1);
    LaunchNodeClaim replacement = pass.launches().get(0);
    assertThat(replacement.offering().capacityType()).isEqualTo(SPOT);
  }

  @Test
  void aSpotNodeMayAlwaysBeDeleted() {
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5Spot())
            .node("a", "m5.xlarge", SPOT, ZONE, EARLIER)
            .node("b", "m5.xlarge", SPOT, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(2))
            .pods("b", app("api").requests("1", "2Gi").replicas(1));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(disrupted(pass)).containsExactly("b");
  }

  /** The catalog with {@code n} more m5 types shaped like m5.large, cheap on Spot everywhere. */
  static Catalog withCheapSpotTypes(Catalog catalog, int n) {
    InstanceType large = catalog.type("m5.large").orElseThrow();
    List<InstanceType> types = new ArrayList<>(catalog.types());
    List<Offering> offerings = new ArrayList<>(catalog.offerings());
    for (int i = 0; i < n; i++) {
      InstanceType t =
          new InstanceType(
              "m5x" + i + ".large",
              large.family(),
              large.category(),
              large.generation(),
              large.size(),
              large.vcpu(),
              large.memoryMiB(),
              large.arch(),
              large.cpuManufacturer(),
              large.gpu(),
              large.localNvmeGb(),
              large.networkBandwidthMbps(),
              large.hypervisor(),
              large.maxEnis(),
              large.ipv4PerEni(),
              large.maxPods(),
              large.onDemandPrice(),
              large.devices(),
              large.cpuBaseline());
      types.add(t);
      for (String zone : TestCatalog.ZONES) {
        offerings.add(new Offering(t, zone, ON_DEMAND, large.onDemandPrice()));
        offerings.add(new Offering(t, zone, SPOT, 0.02 + 0.001 * i));
      }
    }
    return new Catalog(catalog.region(), types, offerings);
  }
}
