package io.flotilla.cli.simulate;

import static io.flotilla.cli.simulate.ScenarioRuns.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import io.flotilla.sim.cloud.InstanceUsage;
import io.flotilla.sim.world.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scenarios in {@code scenarios/} do what the issue says they must. */
class SimulateScenariosTest {
  private static final Instant START = Simulation.START;

  @Test
  void sameScenarioAndSeedPrintTheSameBytesAndAnotherSeedPrintsOtherFigures() {
    String file = scenario("spot-interruption.yaml").toString();
    CliRun first = CliRun.of("simulate", file, "-o", "json");
    CliRun again = CliRun.of("simulate", file, "-o", "json");
    CliRun other = CliRun.of("simulate", file, "-o", "json", "--seed", "2");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.out()).isEqualTo(first.out());
    assertThat(other.out()).isNotEqualTo(first.out()).contains("\"seed\" : 2");
  }

  @Test
  void gpuInferenceLaunchesFiveGpuNodesInOneDecisionAndRemovesThemAfterTheyEmpty() {
    ScenarioRuns.Ran ran =
        ScenarioRuns.run(scenario("gpu-inference.yaml"), StrategyName.FLOTILLA, true);
    List<InstanceUsage> usage = ran.sim().cloud().usage();
    assertThat(usage).allMatch(u -> u.offering().type().name().startsWith("g4dn"));
    assertThat(usage).hasSize(6);
    Map<Instant, Long> launchesAfterScaleUp =
        usage.stream()
            .filter(u -> u.start().isAfter(START.plus(Duration.ofMinutes(10).minusSeconds(1))))
            .collect(Collectors.groupingBy(InstanceUsage::start, Collectors.counting()));
    assertThat(launchesAfterScaleUp.values()).containsExactly(5L);
    Instant scaledToZero = START.plus(Duration.ofHours(1));
    assertThat(usage)
        .allSatisfy(
            u ->
                assertThat(u.end())
                    .hasValueSatisfying(
                        end ->
                            assertThat(end)
                                .isBetween(scaledToZero, scaledToZero.plusSeconds(300))));
    assertThat(ran.summary().podsStillPending()).isZero();
  }

  @Test
  void batchWaveStaysWithinTheLaunchRateLimitAndEveryPodRuns() {
    ScenarioRuns.Ran ran =
        ScenarioRuns.run(scenario("batch-wave.yaml"), StrategyName.FLOTILLA, true);
    List<Instant> launches =
        ran.sim().cloud().usage().stream()
            .map(InstanceUsage::start)
            .sorted(Comparator.naturalOrder())
            .toList();
    double rate = 2;
    int burst = 20;
    assertThat(launches.size()).isGreaterThan(burst);
    for (int i = 0; i < launches.size(); i++) {
      for (int j = i; j < launches.size(); j++) {
        double seconds = Duration.between(launches.get(i), launches.get(j)).toMillis() / 1000.0;
        assertThat(j - i + 1)
            .as("launches from %s to %s", launches.get(i), launches.get(j))
            .isLessThanOrEqualTo((int) Math.floor(burst + rate * seconds + 1e-9));
      }
    }
    assertThat(ran.summary().podsStillPending()).isZero();
    assertThat(ran.summary().podPendingSeconds().p99()).isPositive();
    assertThat(ran.sim().cluster().pods()).noneMatch(p -> p.owner().equals("Job/wave"));
  }

  @Test
  void interruptionExperimentViolatesNoBudgetAndEveryEvictedPodRunsAgain() {
    ScenarioRuns.Ran ran =
        ScenarioRuns.run(scenario("spot-interruption.yaml"), StrategyName.FLOTILLA, true);
    assertThat(ran.summary().interruptions()).isEqualTo(5);
    assertThat(ran.summary().podsEvicted()).isPositive();
    assertThat(ran.summary().pdbViolations()).isZero();
    assertThat(ran.summary().podsLostWithNode()).isZero();
    assertThat(ran.summary().podsStillPending()).isZero();
    assertThat(ran.sim().cluster().pods()).allMatch(p -> p.bound());
  }

  @Test
  void checkpointOnWarningCutsTheExperimentsRecomputedInputByAtLeastNinetyPercent() {
    ScenarioRuns.Ran with =
        ScenarioRuns.run(scenario("spot-interruption.yaml"), StrategyName.FLOTILLA, true);
    ScenarioRuns.Ran without =
        ScenarioRuns.run(scenario("spot-interruption.yaml"), StrategyName.FLOTILLA, false);
    double checkpointed = with.summary().flinkRecomputedSeconds();
    double lost = without.summary().flinkRecomputedSeconds();
    assertThat(lost).isPositive();
    assertThat(checkpointed).isLessThanOrEqualTo(0.10 * lost);
    assertThat(without.summary().pdbViolations()).isZero();
    assertThat(without.summary().podsStillPending()).isZero();
  }
}
