package io.flotilla.control.disruption;

import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.Disrupt;
import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.control.provisioning.UnavailableOfferings;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over random clusters, every consolidation move found re-homes every pod it moves within the room
 * of the nodes it lands on, costs strictly less than what it removes, respects the number of
 * replacement nodes the strategy allows, never touches a protected, budget-held or draining node,
 * and a pass disrupts no more nodes than the pool's budget. The checker prices, sums and counts
 * with its own arithmetic from the catalog.
 */
class ConsolidationPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Catalog CATALOG = TestCatalog.create();
  private static final NodePool POOL =
      pool("general", 10)
          .require(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r")
          .disruption(
              new Disruption(
                  Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
                  Duration.ZERO,
                  Duration.ofHours(720),
                  null,
                  List.of(Budget.DEFAULT)))
          .build();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void everyMoveRehomesItsPodsForLessAndLeavesProtectedNodesAlone(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int moves = 0;
    for (int round = 0; round < 12; round++) {
      RandomFleet world = new RandomFleet(random, CATALOG, POOL, NOW.minus(Duration.ofHours(1)));
      DisruptionSettings settings =
          random.nextBoolean() ? DisruptionSettings.FLOTILLA : DisruptionSettings.KARPENTER;
      Planner.Strategy strategy = Planner.Strategy.values()[random.nextInt(2)];
      Provisioner provisioner = new Provisioner(new Planner(strategy), new UnavailableOfferings());
      Consolidator consolidator = new Consolidator(provisioner, settings);
      SimulationBase base =
          new SimulationBase(
              world.fleet.request(), world.disrupting, Map.of(POOL.name(), POOL), NOW);
      List<FleetNode> candidates =
          ConsolidationCandidates.of(
              world.fleet.fleet(), Map.of(POOL.name(), POOL), world.disrupting, NOW);

      for (FleetNode c : candidates) {
        assertThat(world.protectedNodes).doesNotContain(c.name());
        assertThat(world.blocked).doesNotContain(c.name());
        assertThat(world.disrupting).doesNotContain(c.name());
      }
      List<Move> found = new ArrayList<>();
      consolidator.multiNode(candidates, base).ifPresent(found::add);
      for (FleetNode c : candidates) {
        consolidator.evaluate(List.of(c), base).ifPresent(found::add);
      }
      for (Move m : found) {
        check(world, m, settings);
        moves++;
      }
      checkBudget(world, settings, strategy);
    }
    assertThat(moves).as("moves checked").isPositive();
  }

  private static void check(RandomFleet world, Move move, DisruptionSettings settings) {
    Set<String> removed = new HashSet<>(world.disrupting);
    move.candidates().forEach(c -> removed.add(c.name()));
    Map<PodId, Pod> moving = new HashMap<>();
    for (String n : removed) {
      world.podsOn.getOrDefault(n, List.of()).forEach(p -> moving.put(p.id(), p));
    }
    Map<PodId, Integer> placed = new HashMap<>();
    for (PlannedNode n : move.plan().nodes()) {
      assertThat(removed).doesNotContain(n.name());
      Resources load = Resources.NONE;
      for (PodId id : n.pods()) {
        placed.merge(id, 1, Integer::sum);
        load = load.plus(moving.get(id).requests());
      }
      if (n.existing()) {
        for (Pod p : world.podsOn.getOrDefault(n.name(), List.of())) {
          load = load.plus(p.requests());
        }
        assertThat(RandomFleet.fits(load, world.allocatable.get(n.name())))
            .as("room on " + n.name())
            .isTrue();
      } else {
        InstanceType t = CATALOG.type(n.instanceType()).orElseThrow();
        assertThat(load.get(ResourceNames.CPU)).isLessThanOrEqualTo(t.vcpu() * 1000L);
        assertThat(load.get(ResourceNames.MEMORY)).isLessThanOrEqualTo(t.memoryMiB() << 20);
      }
    }
    assertThat(placed.keySet()).as("every moved pod placed").isEqualTo(moving.keySet());
    assertThat(placed.values()).as("each once").allMatch(v -> v == 1);

    List<PlannedNode> fresh = move.plan().newNodes();
    int allowed = move.candidates().size() > 1 ? 1 : settings.maxReplacementsPerNode();
    assertThat(fresh.size()).isLessThanOrEqualTo(allowed);
    if (!fresh.isEmpty()) {
      double before = 0;
      for (FleetNode c : move.candidates()) {
        before += price(c.offering().type(), c.offering().zone(), c.offering().capacityType());
      }
      double after = 0;
      for (PlannedNode n : fresh) {
        after += price(n.instanceType(), n.zone(), n.capacityType());
      }
      assertThat(after).as("new nodes cost less").isLessThan(before);
      FleetNode only = move.candidates().get(0);
      if (move.candidates().size() == 1
          && only.spot()
          && fresh.get(0).capacityType() == CapacityType.SPOT) {
        assertThat(spotTypesBigEnoughAndCheaper(fresh.get(0), only))
            .isGreaterThanOrEqualTo(settings.spotToSpotMinTypes());
      }
    }
  }

  /** A pass acts on no more nodes than ceil(10 %) of the pool less those already draining. */
  private static void checkBudget(
      RandomFleet world, DisruptionSettings settings, Planner.Strategy strategy) {
    VoluntaryDisruption loop =
        new VoluntaryDisruption(
            new Provisioner(new Planner(strategy), new UnavailableOfferings()),
            List.of(POOL),
            settings.withValidationDelay(Duration.ZERO));
    DisruptionPass pass = loop.decide(world.fleet.input(), NOW);
    Set<String> acted = new HashSet<>();
    pass.decisions().forEach(d -> acted.add(d.node()));
    pass.commands().forEach(c -> acted.add(((Disrupt) c).node()));
    int allowed = Math.max(0, (world.nodes + 9) / 10 - world.disrupting.size());
    assertThat(acted.size()).as("budget").isLessThanOrEqualTo(allowed);
    for (String n : acted) {
      assertThat(world.protectedNodes).doesNotContain(n);
    }
  }

  private static double price(String type, String zone, CapacityType capacity) {
    Optional<Offering> o =
        CATALOG.offerings(type).stream()
            .filter(x -> x.zone().equals(zone) && x.capacityType() == capacity)
            .findFirst();
    return o.orElseThrow().pricePerHour()
        + CATALOG.storagePerHour(POOL.nodeClass().billedEbsBytes());
  }

  /** A necessary condition: Spot types cheaper than the node whose raw size holds the load. */
  private static int spotTypesBigEnoughAndCheaper(PlannedNode replacement, FleetNode old) {
    double below =
        price(old.offering().type(), old.offering().zone(), CapacityType.SPOT)
            - CATALOG.storagePerHour(POOL.nodeClass().billedEbsBytes());
    Set<String> types = new HashSet<>();
    for (Offering o : CATALOG.offerings()) {
      if (o.capacityType() == CapacityType.SPOT
          && o.pricePerHour() < below
          && o.type().vcpu() * 1000L >= replacement.used().get(ResourceNames.CPU)
          && (o.type().memoryMiB() << 20) >= replacement.used().get(ResourceNames.MEMORY)) {
        types.add(o.type().name());
      }
    }
    return types.size();
  }
}
