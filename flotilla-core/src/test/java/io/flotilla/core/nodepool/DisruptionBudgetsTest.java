package io.flotilla.core.nodepool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A pool's budgets as Karpenter applies them: the most restrictive budget active for the reason.
 */
class DisruptionBudgetsTest {
  private static final Instant MONDAY_NOON = Instant.parse("2026-01-05T12:00:00Z");
  private static final Instant SATURDAY_NOON = Instant.parse("2026-01-10T12:00:00Z");

  private static Disruption with(Budget... budgets) {
    return new Disruption(
        Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
        Duration.ZERO,
        null,
        null,
        List.of(budgets));
  }

  @Test
  void tenPercentOfAPoolRoundsUpAndCountsWhatIsAlreadyDisrupting() {
    Disruption d = with(Budget.DEFAULT);

    assertThat(d.disruptionsAllowed(25, 0, MONDAY_NOON, "Empty")).isEqualTo(3);
    assertThat(d.disruptionsAllowed(25, 2, MONDAY_NOON, "Empty")).isEqualTo(1);
    assertThat(d.disruptionsAllowed(25, 5, MONDAY_NOON, "Empty")).isZero();
    assertThat(d.disruptionsAllowed(1, 0, MONDAY_NOON, "Empty")).isEqualTo(1);
  }

  @Test
  void aScheduledZeroBudgetBlocksOnlyItsWindowAndItsReasons() {
    Disruption d =
        with(
            new Budget("20%", null, null, Set.of()),
            new Budget(
                "0",
                CronSchedule.parse("0 9 * * mon-fri"),
                Duration.ofHours(8),
                Set.of("Underutilized")));

    assertThat(d.disruptionsAllowed(10, 0, MONDAY_NOON, "Underutilized")).isZero();
    assertThat(d.disruptionsAllowed(10, 0, MONDAY_NOON, "Empty")).isEqualTo(2);
    assertThat(d.disruptionsAllowed(10, 0, SATURDAY_NOON, "Underutilized")).isEqualTo(2);
  }

  @Test
  void noBudgetActiveMeansNoLimit() {
    Disruption d =
        with(new Budget("1", CronSchedule.parse("0 0 * * sun"), Duration.ofHours(1), Set.of()));

    assertThat(d.disruptionsAllowed(10, 0, MONDAY_NOON, "Drifted")).isEqualTo(Integer.MAX_VALUE);
  }
}
