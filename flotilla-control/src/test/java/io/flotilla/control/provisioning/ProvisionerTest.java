package io.flotilla.control.provisioning;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisionerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final UnavailableOfferings unavailable = new UnavailableOfferings();
  private final Provisioner provisioner = new Provisioner(new Planner(), unavailable);

  private static PlanRequest webOnGeneral() {
    return Planning.request()
        .pool(pool("general", 10))
        .pods(app("web").requests("1", "2Gi").replicas(12))
        .build();
  }

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPendingPodIsLaunchedForNominatedOrUnschedulableExactlyOnce(long seed) {
    PlanRequest request =
        new ScenarioGenerator(seed, TestCatalog.create(), ScenarioGenerator.Kind.all()).next();
    PlanRequest snapshot = request;

    ProvisioningDecision decision = provisioner.decide(snapshot, NOW);

    Set<PodId> pending =
        snapshot.pendingPods().stream().map(Pod::id).collect(Collectors.toCollection(HashSet::new));
    List<PodId> accounted = new ArrayList<>();
    decision.launches().forEach(l -> accounted.addAll(l.pods()));
    accounted.addAll(decision.nominations().keySet());
    decision.unschedulable().stream()
        .map(Unschedulable::pod)
        .filter(pending::contains)
        .forEach(accounted::add);
    assertThat(accounted).doesNotHaveDuplicates();
    assertThat(new HashSet<>(accounted)).isEqualTo(pending);
    Set<String> nodeNames = request.nodes().stream().map(Node::name).collect(Collectors.toSet());
    assertThat(decision.nominations().values()).allMatch(nodeNames::contains);
    assertThat(decision.launches()).allSatisfy(l -> assertThat(l.pods()).isNotEmpty());
    assertThat(decision.launches().stream().map(LaunchNodeClaim::name)).doesNotHaveDuplicates();
    assertThat(decision.launches())
        .allSatisfy(
            l ->
                assertThat(
                        request
                            .catalog()
                            .offering(
                                l.offering().type(),
                                l.offering().zone(),
                                l.offering().capacityType()))
                    .as(l.offering().toString())
                    .isPresent());
  }

  @Test
  void podsNominatedToAnInFlightClaimAreNotPlannedAgain() {
    PlanRequest request = webOnGeneral();
    ProvisioningDecision first = provisioner.decide(request, NOW);
    assertThat(first.launches()).isNotEmpty();

    // The claims are in flight: the cluster lists them as nodes and the pods as nominated.
    Map<PodId, String> nominated = new HashMap<>();
    List<Node> inFlight = new ArrayList<>();
    for (LaunchNodeClaim claim : first.launches()) {
      claim.pods().forEach(p -> nominated.put(p, claim.name()));
      inFlight.add(
          new Node(claim.name(), claim.labels(), List.of(), null, claim.allocatable(), false));
    }
    List<Pod> pods =
        request.pods().stream().map(p -> p.withNodeName(nominated.get(p.id()))).toList();
    ProvisioningDecision second =
        provisioner.decide(
            new PlanRequest(
                pods,
                inFlight,
                request.pools(),
                request.daemonSets(),
                request.catalog(),
                request.options()),
            NOW.plusSeconds(5));

    assertThat(second.launches()).isEmpty();
    assertThat(second.nominations()).isEmpty();
  }

  @Test
  void anOfferingWithoutCapacityIsLeftOutForThreeMinutes() {
    PlanRequest snapshot = webOnGeneral();
    OfferingKey chosen = provisioner.decide(snapshot, NOW).launches().get(0).offering();

    unavailable.mark(chosen, NOW);
    ProvisioningDecision during = provisioner.decide(snapshot, NOW.plus(Duration.ofMinutes(1)));
    ProvisioningDecision after = provisioner.decide(snapshot, NOW.plus(Duration.ofMinutes(3)));

    assertThat(during.launches()).isNotEmpty();
    assertThat(during.launches()).noneMatch(l -> l.offering().equals(chosen));
    assertThat(after.launches().get(0).offering()).isEqualTo(chosen);
  }

  @Test
  void claimNamesCountPerPoolAcrossDecisions() {
    PlanRequest snapshot = webOnGeneral();
    List<String> first =
        provisioner.decide(snapshot, NOW).launches().stream().map(LaunchNodeClaim::name).toList();
    List<String> second =
        provisioner.decide(snapshot, NOW).launches().stream().map(LaunchNodeClaim::name).toList();

    assertThat(first).isNotEmpty().allMatch(n -> n.startsWith("general-"));
    assertThat(second).doesNotContainAnyElementsOf(first);
  }

  @Test
  void aClaimsHostnameLabelIsItsOwnNameInEveryDecision() {
    PlanRequest snapshot = webOnGeneral();
    List<LaunchNodeClaim> claims = new ArrayList<>(provisioner.decide(snapshot, NOW).launches());
    claims.addAll(provisioner.decide(snapshot, NOW).launches());

    assertThat(claims)
        .hasSizeGreaterThan(1)
        .allSatisfy(c -> assertThat(c.labels()).containsEntry(WellKnownLabels.HOSTNAME, c.name()));
  }
}
