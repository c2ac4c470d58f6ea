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
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A move is checked again before it is taken; a cluster that did not change is not simulated. */
class ValidationAndCostTest {
  private static TestFleet twoHalfEmptyNodes() {
    return new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
        .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
        .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
        .pods("a", app("web").requests("1", "2Gi").replicas(1))
        .pods("b", app("web").requests("1", "2Gi").replicas(1));
  }

  private static VoluntaryDisruption karpenter(TestFleet fleet) {
    return new VoluntaryDisruption(
        new Provisioner(
            new Planner(Planner.Strategy.FIRST_FIT_DECREASING), new UnavailableOfferings()),
        fleet.pools(),
        DisruptionSettings.KARPENTER);
  }

  @Test
  void aMoveIsTakenAfterTheValidationDelayIfItsNodesAreUnchanged() {
    TestFleet fleet = twoHalfEmptyNodes();
    VoluntaryDisruption loop = karpenter(fleet);

    DisruptionPass decided = loop.decide(fleet.input(), NOW);
    DisruptionPass early = loop.decide(fleet.input(), NOW.plusSeconds(10));
    DisruptionPass validated = loop.decide(fleet.input(), NOW.plusSeconds(15));

    assertThat(decided.commands()).isEmpty();
    assertThat(early.commands()).isEmpty();
    assertThat(disrupted(validated)).containsExactly("a");
    assertThat(loop.validationDue()).isEmpty();
  }

  @Test
  void aMoveWhoseNodeChangedBeforeValidationIsDropped() {
    TestFleet fleet = twoHalfEmptyNodes();
    VoluntaryDisruption loop = karpenter(fleet);

    loop.decide(fleet.input(), NOW);
    assertThat(loop.validationDue()).contains(NOW.plusSeconds(15));
    fleet.podsChanged("a", NOW.plusSeconds(5));
    DisruptionPass validated = loop.decide(fleet.input(), NOW.plusSeconds(15));

    assertThat(validated.commands()).isEmpty();
    assertThat(validated.decisions()).isEmpty();
  }

  @Test
  void aMoveWhoseNodeChangedIsDroppedEvenIfItIsStillACandidate() {
    // consolidateAfter 0 (Karpenter's default): a changed node is a candidate at once, but the
    // decision was made on what it held before.
    NodePool eager =
        m5OnDemand(
            new Disruption(
                Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
                Duration.ZERO,
                Duration.ofHours(720),
                null,
                List.of(Budget.DEFAULT)));
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), eager)
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("web").requests("1", "2Gi").replicas(1));
    VoluntaryDisruption loop = karpenter(fleet);

    loop.decide(fleet.input(), NOW);
    fleet.podsChanged("a", NOW.plusSeconds(5));
    DisruptionPass validated = loop.decide(fleet.input(), NOW.plusSeconds(15));

    assertThat(validated.commands()).isEmpty();
  }

  @Test
  void anUnchangedClusterIsNotSimulatedAgainAndAChangedNodeIs() {
    // One node, already the cheapest type its pod fits: nothing to gain.
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("a", "m5.large", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1500m", "2Gi").replicas(1));
    VoluntaryDisruption loop = karpenter(fleet);

    loop.decide(fleet.input(), NOW);
    long first = loop.simulations();
    for (int pass = 1; pass <= 30; pass++) {
      loop.decide(fleet.input(), NOW.plusSeconds(10L * pass));
    }
    long quiet = loop.simulations();
    Instant changed = NOW.plusSeconds(301);
    fleet.podsChanged("a", changed);
    loop.decide(fleet.input(), changed.plusSeconds(30));

    assertThat(first).isEqualTo(1);
    assertThat(quiet).isEqualTo(first);
    assertThat(loop.simulations()).isEqualTo(first + 1);
  }

  @Test
  void aChangeElsewhereRetriesAFailedNodeOnlyAfterTheRetryInterval() {
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("a", "m5.large", ON_DEMAND, ZONE, EARLIER)
            .node("busy", "m5.large", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1500m", "2Gi").replicas(1))
            .pods("busy", app("api").requests("1500m", "2Gi").replicas(1));
    VoluntaryDisruption loop = karpenter(fleet);

    loop.decide(fleet.input(), NOW);
    long before = loop.simulations();
    // busy's pods change every pass: it is tried again once it has been quiet for 30 s; a is not
    // tried again until 5 minutes have passed.
    for (int pass = 1; pass <= 20; pass++) {
      Instant at = NOW.plusSeconds(10L * pass);
      fleet.podsChanged("busy", at);
      loop.decide(fleet.input(), at);
    }
    long within = loop.simulations();
    fleet.podsChanged("busy", NOW.plusSeconds(310));
    loop.decide(fleet.input(), NOW.plusSeconds(310));

    assertThat(within).isEqualTo(before);
    assertThat(loop.simulations()).isEqualTo(before + 1);
  }
}
