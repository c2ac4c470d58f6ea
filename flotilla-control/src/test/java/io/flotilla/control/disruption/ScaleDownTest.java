package io.flotilla.control.disruption;

import static io.flotilla.control.disruption.ConsolidationTest.EARLIER;
import static io.flotilla.control.disruption.ConsolidationTest.NOW;
import static io.flotilla.control.disruption.ConsolidationTest.ZONE;
import static io.flotilla.control.disruption.ConsolidationTest.consolidating;
import static io.flotilla.control.disruption.ConsolidationTest.disrupted;
import static io.flotilla.control.disruption.ConsolidationTest.m5OnDemand;
import static io.flotilla.core.catalog.CapacityType.ON_DEMAND;
import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.control.provisioning.UnavailableOfferings;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Cluster Autoscaler's scale-down: under 50 % for 10 minutes, pods fit elsewhere. */
class ScaleDownTest {
  private static TestFleet fleet() {
    return new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)));
  }

  private static VoluntaryDisruption autoscaler(TestFleet fleet) {
    return new VoluntaryDisruption(
        new Provisioner(
            new Planner(Planner.Strategy.FIRST_FIT_DECREASING), new UnavailableOfferings()),
        fleet.pools(),
        DisruptionSettings.CLUSTER_AUTOSCALER);
  }

  /** Runs a pass every 10 s from NOW up to and including {@code last}; returns the last pass. */
  private static List<DisruptionPass> passes(
      VoluntaryDisruption loop, TestFleet fleet, Duration last) {
    List<DisruptionPass> out = new ArrayList<>();
    for (long s = 0; s <= last.toSeconds(); s += 10) {
      out.add(loop.decide(fleet.input(), NOW.plusSeconds(s)));
    }
    return out;
  }

  @Test
  void aNodeUnderHalfUsedForTenMinutesWhosePodsFitElsewhereIsDrained() {
    // a: 1 of 3.92 CPU requested (26 %); b: 2.5 CPU (64 %), with room for a's pod.
    TestFleet fleet =
        fleet()
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("api").requests("2500m", "2Gi").replicas(1));
    VoluntaryDisruption loop = autoscaler(fleet);

    List<DisruptionPass> all = passes(loop, fleet, Duration.ofMinutes(10));

    all.subList(0, all.size() - 1).forEach(p -> assertThat(p.commands()).isEmpty());
    DisruptionPass last = all.get(all.size() - 1);
    assertThat(disrupted(last)).containsExactly("a");
    assertThat(last.decisions())
        .extracting(DisruptionDecision::reason)
        .containsExactly(DisruptionDecision.SCALE_DOWN_UNDERUTILIZED);
    assertThat(last.launches()).isEmpty();
  }

  @Test
  void aNodeWhosePodsWouldNeedANewNodeStays() {
    // a's 1.5 CPU pod does not fit in the 1.42 CPU b has left, and no node may be launched.
    TestFleet fleet =
        fleet()
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1500m", "2Gi").replicas(1))
            .pods("b", app("api").requests("2500m", "2Gi").replicas(1));

    List<DisruptionPass> all = passes(autoscaler(fleet), fleet, Duration.ofMinutes(15));

    assertThat(all).allSatisfy(p -> assertThat(p.commands()).isEmpty());
  }

  @Test
  void aNodeAtHalfItsCpuOrMoreIsNotUnneeded() {
    // 2 of 3.92 CPU is 51 %, memory low: the larger share counts.
    TestFleet fleet =
        fleet()
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.4xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("2", "1Gi").replicas(1))
            .pods("b", app("api").requests("9", "2Gi").replicas(1));

    List<DisruptionPass> all = passes(autoscaler(fleet), fleet, Duration.ofMinutes(15));

    assertThat(all).allSatisfy(p -> assertThat(p.commands()).isEmpty());
  }

  @Test
  void emptyNodesGoInBulkOfTenAndNonEmptyOnesOneAPass() {
    TestFleet fleet = fleet().node("big", "m5.4xlarge", ON_DEMAND, ZONE, EARLIER);
    fleet.pods("big", app("api").requests("8", "2Gi").replicas(1));
    for (int i = 0; i < 12; i++) {
      fleet.node(String.format("empty-%02d", i), "m5.large", ON_DEMAND, ZONE, EARLIER);
    }
    for (int i = 0; i < 3; i++) {
      String n = "small-" + i;
      fleet
          .node(n, "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
          .pods(n, app("web" + i).requests("500m", "1Gi").replicas(1));
    }
    VoluntaryDisruption loop = autoscaler(fleet);

    DisruptionPass last = passes(loop, fleet, Duration.ofMinutes(10)).get(60);

    List<String> gone = disrupted(last);
    assertThat(gone.stream().filter(n -> n.startsWith("empty-"))).hasSize(10);
    assertThat(gone.stream().filter(n -> n.startsWith("small-"))).hasSize(1);
  }

  @Test
  void noScaleDownWithinTenMinutesOfAScaleUp() {
    Instant added = NOW.plus(Duration.ofMinutes(5));
    TestFleet fleet =
        fleet()
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("new", "m5.xlarge", ON_DEMAND, ZONE, added)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("api").requests("2500m", "2Gi").replicas(1))
            .pods("new", app("db").requests("2500m", "2Gi").replicas(1));
    VoluntaryDisruption loop = autoscaler(fleet);

    List<DisruptionPass> all = passes(loop, fleet, Duration.ofMinutes(15));

    // a is unneeded from NOW, but the scale-up at +5 min holds scale-down until +15 min.
    all.subList(0, all.size() - 1).forEach(p -> assertThat(p.commands()).isEmpty());
    assertThat(disrupted(all.get(all.size() - 1))).containsExactly("a");
  }
}
