package io.flotilla.control.disruption;

import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Disrupt;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.CronSchedule;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodePool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmptinessAndExpiryTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final EmptinessAndExpiry LOOP = new EmptinessAndExpiry();

  private static NodePool general(Disruption d) {
    return pool("general", 10).disruption(d).build();
  }

  private static Disruption whenEmpty(Duration after, Budget... budgets) {
    return new Disruption(
        ConsolidationPolicy.WHEN_EMPTY, after, Duration.ofHours(720), null, List.of(budgets));
  }

  private static FleetNode node(String name, Duration emptyFor) {
    return new FleetNode(
        name,
        "general",
        NOW.minus(Duration.ofHours(1)),
        emptyFor == null ? Optional.empty() : Optional.of(NOW.minus(emptyFor)),
        false,
        false);
  }

  private static List<String> disrupted(List<Command> commands) {
    return commands.stream().map(c -> ((Disrupt) c).node()).toList();
  }

  @Test
  void aNodeEmptyForConsolidateAfterIsDisruptedAndOneEmptyForLessIsNot() {
    List<FleetNode> nodes =
        List.of(
            node("long-empty", Duration.ofSeconds(31)),
            node("just-empty", Duration.ofSeconds(10)),
            node("busy", null));

    List<Command> commands =
        LOOP.decide(
            nodes, List.of(general(whenEmpty(Duration.ofSeconds(30), Budget.DEFAULT))), NOW);

    assertThat(disrupted(commands)).containsExactly("long-empty");
  }

  @Test
  void theBudgetCapsHowManyEmptyNodesGoAtOnceLongestEmptyFirst() {
    List<FleetNode> nodes = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      nodes.add(node(String.format("n%02d", i), Duration.ofMinutes(10 + i)));
    }
    // 10 % of 25 nodes, rounded up: 3, of which one is already being disrupted.
    nodes.set(
        0,
        new FleetNode(
            "n00", "general", NOW.minus(Duration.ofHours(1)), Optional.empty(), false, true));

    List<Command> commands =
        LOOP.decide(nodes, List.of(general(whenEmpty(Duration.ZERO, Budget.DEFAULT))), NOW);

    assertThat(disrupted(commands)).containsExactly("n24", "n23");
  }

  @Test
  void doNotDisruptAndAScheduledZeroBudgetHoldEmptyNodes() {
    FleetNode annotated =
        new FleetNode(
            "annotated",
            "general",
            NOW.minus(Duration.ofHours(1)),
            Optional.of(NOW.minus(Duration.ofHours(1))),
            true,
            false);
    Budget businessHours =
        new Budget("0", CronSchedule.parse("0 9 * * mon-fri"), Duration.ofHours(8), Set.of());

    assertThat(
            LOOP.decide(
                List.of(annotated),
                List.of(general(whenEmpty(Duration.ZERO, Budget.DEFAULT))),
                NOW))
        .isEmpty();
    assertThat(
            LOOP.decide(
                List.of(node("empty", Duration.ofHours(1))),
                List.of(general(whenEmpty(Duration.ZERO, Budget.DEFAULT, businessHours))),
                NOW))
        .isEmpty();
  }

  @Test
  void consolidateAfterNeverKeepsEmptyNodes() {
    Disruption never =
        new Disruption(ConsolidationPolicy.WHEN_EMPTY, null, null, null, List.of(Budget.DEFAULT));

    assertThat(
            LOOP.decide(List.of(node("empty", Duration.ofDays(3))), List.of(general(never)), NOW))
        .isEmpty();
  }

  @Test
  void expiryIsForcefulWhateverTheBudgetsAndAnnotations() {
    FleetNode old =
        new FleetNode(
            "old", "general", NOW.minus(Duration.ofHours(721)), Optional.empty(), true, false);
    Disruption noBudget =
        new Disruption(
            ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
            Duration.ZERO,
            Duration.ofHours(720),
            null,
            List.of(new Budget("0", null, null, Set.of())));

    assertThat(disrupted(LOOP.decide(List.of(old), List.of(general(noBudget)), NOW)))
        .containsExactly("old");
  }
}
