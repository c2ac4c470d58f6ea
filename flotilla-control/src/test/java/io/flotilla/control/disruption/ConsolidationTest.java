package io.flotilla.control.disruption;

import static io.flotilla.core.catalog.CapacityType.ON_DEMAND;
import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Disrupt;
import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.control.provisioning.UnavailableOfferings;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConsolidationTest {
  static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  static final Instant EARLIER = NOW.minus(Duration.ofHours(1));
  static final String ZONE = "us-east-1a";

  static Disruption consolidating(Budget... budgets) {
    return new Disruption(
        ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
        Duration.ofSeconds(30),
        Duration.ofHours(720),
        null,
        List.of(budgets));
  }

  /** On-demand m5 nodes only, so the planner's choices are few and known. */
  static NodePool m5OnDemand(Disruption d) {
    return pool("general", 10)
        .require(WellKnownLabels.INSTANCE_FAMILY, "m5")
        .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
        .disruption(d)
        .build();
  }

  static VoluntaryDisruption loop(
      Planner.Strategy strategy, DisruptionSettings settings, TestFleet fleet) {
    return new VoluntaryDisruption(
        new Provisioner(new Planner(strategy), new UnavailableOfferings()),
        fleet.pools(),
        settings.withValidationDelay(Duration.ZERO));
  }

  static List<String> disrupted(DisruptionPass pass) {
    return pass.commands().stream()
        .filter(c -> c instanceof Disrupt)
        .map(c -> ((Disrupt) c).node())
        .toList();
  }

  static List<String> reasons(DisruptionPass pass) {
    return pass.decisions().stream().map(DisruptionDecision::reason).distinct().toList();
  }

  @Test
  void aNodeWhosePodsFitOnTheOtherNodesIsDeleted() {
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("web").requests("1", "2Gi").replicas(1));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(disrupted(pass)).containsExactly("a");
    assertThat(reasons(pass)).containsExactly(DisruptionDecision.DELETE);
    assertThat(pass.launches()).isEmpty();
  }

  @Test
  void anOversizedNodeIsReplacedByOneCheaperNodeLaunchedFirst() {
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("big", "m5.4xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("big", app("web").requests("1", "2Gi").replicas(1));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.launches()).hasSize(1);
    assertThat(pass.launches().get(0).offering().type()).isEqualTo("m5.large");
    assertThat(pass.launches().get(0).pods())
        .containsExactlyElementsOf(fleet.pods().stream().map(p -> p.id()).toList());
    // The old node is disrupted only once its replacement has joined.
    assertThat(disrupted(pass)).isEmpty();
    assertThat(pass.decisions())
        .containsExactly(
            new DisruptionDecision(
                "big", "Underutilized/replace 1->1", List.of(pass.launches().get(0).name())));
  }

  @Test
  void aNodeIsLeftAloneWhenNoMoveIsStrictlyCheaper() {
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("a", "m5.large", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1500m", "2Gi").replicas(1));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.commands()).isEmpty();
    assertThat(pass.launches()).isEmpty();
    assertThat(pass.decisions()).isEmpty();
  }

  @Test
  void severalNodesAreReplacedByOneCheaperNodeInOneMove() {
    // Any capacity type, and a budget that lets all three go at once (10 % of 3 would be 1).
    NodePool anyCapacity =
        pool("general", 10)
            .require(WellKnownLabels.INSTANCE_FAMILY, "m5")
            .disruption(consolidating(new Budget("100%", null, null, Set.of())))
            .build();
    TestFleet fleet = new TestFleet(TestCatalog.create(), anyCapacity);
    for (String n : List.of("a", "b", "c")) {
      fleet
          .node(n, "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
          .pods(n, app("web").requests("2500m", "4Gi").replicas(1));
    }

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.launches()).hasSize(1);
    assertThat(pass.launches().get(0).pods()).hasSize(3);
    assertThat(pass.decisions())
        .extracting(DisruptionDecision::node, DisruptionDecision::reason)
        .containsExactly(
            tuple("a", "Underutilized/replace 3->1"),
            tuple("b", "Underutilized/replace 3->1"),
            tuple("c", "Underutilized/replace 3->1"));
  }

  @Test
  void theUnderutilizedBudgetHoldsConsolidationButNotEmptiness() {
    Budget noUnderutilized = new Budget("0", null, null, Set.of("Underutilized"));
    TestFleet fleet =
        new TestFleet(
                TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT, noUnderutilized)))
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("empty", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("web").requests("1", "2Gi").replicas(1));

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(disrupted(pass)).containsExactly("empty");
    assertThat(reasons(pass)).containsExactly(DisruptionDecision.EMPTY);
  }

  @Test
  void nodesBeingDisruptedCountAgainstTheBudget() {
    // 10 % of 3 nodes rounded up is 1, and one node is already being drained.
    TestFleet fleet =
        new TestFleet(TestCatalog.create(), m5OnDemand(consolidating(Budget.DEFAULT)))
            .node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("b", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .node("draining", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
            .pods("a", app("web").requests("1", "2Gi").replicas(1))
            .pods("b", app("web").requests("1", "2Gi").replicas(1))
            .disrupting("draining");

    DisruptionPass pass =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, fleet)
            .decide(fleet.input(), NOW);

    assertThat(pass.commands()).isEmpty();
  }

  @Test
  void doNotDisruptPodsBlockingBudgetsNominationsAndRecentChangesKeepNodesOut() {
    NodePool general = m5OnDemand(consolidating(Budget.DEFAULT));
    // b is the cheaper to disrupt (one pod to a's two) and its pod fits on a.
    Function<TestFleet, TestFleet> twoNodes =
        f ->
            f.node("a", "m5.xlarge", ON_DEMAND, ZONE, EARLIER)
                .node("b", "m5.4xlarge", ON_DEMAND, ZONE, EARLIER)
                .pods("a", app("web").requests("1", "2Gi").replicas(2));
    TestFleet plain =
        twoNodes
            .apply(new TestFleet(TestCatalog.create(), general))
            .pods("b", app("batch").requests("1", "2Gi").replicas(1));
    List<Command> base =
        loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, plain)
            .decide(plain.input(), NOW)
            .commands();
    // Without protection, the expensive node goes (its pod fits on a).
    assertThat(base).extracting(c -> ((Disrupt) c).node()).containsExactly("b");

    TestFleet protectedPod = twoNodes.apply(new TestFleet(TestCatalog.create(), general));
    protectedPod.pods("b", List.of(doNotDisrupt(app("batch").requests("1", "2Gi").one())));
    TestFleet blocked =
        twoNodes
            .apply(new TestFleet(TestCatalog.create(), general))
            .pods("b", app("batch").requests("1", "2Gi").replicas(1))
            .blockedByBudget("b");
    TestFleet nominated =
        twoNodes
            .apply(new TestFleet(TestCatalog.create(), general))
            .pods("b", app("batch").requests("1", "2Gi").replicas(1))
            .nominated("b");
    TestFleet recent =
        twoNodes
            .apply(new TestFleet(TestCatalog.create(), general))
            .pods("b", app("batch").requests("1", "2Gi").replicas(1))
            .podsChanged("b", NOW.minusSeconds(29));
    for (TestFleet f : List.of(protectedPod, blocked, nominated, recent)) {
      List<Command> commands =
          loop(Planner.Strategy.FIRST_FIT_DECREASING, DisruptionSettings.KARPENTER, f)
              .decide(f.input(), NOW)
              .commands();
      assertThat(commands).extracting(c -> ((Disrupt) c).node()).doesNotContain("b");
    }
  }

  static Pod doNotDisrupt(Pod p) {
    return new Pod(
        p.id(),
        p.labels(),
        p.requests(),
        p.nodeAffinity(),
        p.tolerations(),
        p.topologySpread(),
        p.antiAffinity(),
        p.affinity(),
        p.architectures(),
        p.hostPorts(),
        p.owner(),
        p.nodeName(),
        p.unresolvedImages(),
        true);
  }
}
