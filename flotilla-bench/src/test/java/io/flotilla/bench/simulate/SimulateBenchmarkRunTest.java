package io.flotilla.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.bench.simulate.SimulateBenchmarkRun.Figures;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Measurement;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Result;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Setup;
import io.flotilla.bench.simulate.SimulateBenchmarkRun.Spread;
import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The runner on a tiny world: sane figures, the same on every run of a seed; times unchecked. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulateBenchmarkRunTest {
  private static final Setup TINY = new Setup(200, Duration.ofHours(2), 1, SimStrategy.FLOTILLA);

  private SimulateBenchmarkRun runner;
  private Result tiny;
  private final List<Integer> percents = new ArrayList<>();

  @BeforeAll
  void runTheTinyWorldTwice() {
    runner = new SimulateBenchmarkRun(Ec2Catalog.load(CatalogSettings.defaults()));
    tiny =
        runner.measure(
            TINY,
            2,
            new SimulateBenchmarkRun.Listener() {
              @Override
              public void progress(int repetition, int percent, double wallSeconds) {
                if (repetition == 1) {
                  percents.add(percent);
                }
              }
            });
  }

  @Test
  void everyRunOfTheSameSeedSumsUpToTheSameFigures() {
    assertThat(tiny.runs()).hasSize(2);
    assertThat(tiny.runs().get(1).summary()).isEqualTo(tiny.runs().get(0).summary());
    assertThat(tiny.repeatable()).isTrue();
  }

  @Test
  void theTinyWorldGetsNodesRunsItsPodsAndCostsMoney() {
    Figures f = tiny.runs().get(0).figures();

    // 200 pods of 100m-2 cores on 4-16 vCPU nodes: more than a handful of nodes, fewer than pods.
    assertThat(f.maxNodes()).isBetween(5, 200);
    assertThat(f.totalCost()).isPositive();
    // Pods of the last batch may still wait for their nodes; most run.
    assertThat(f.podsStillPending()).isLessThan(100);
    assertThat(f.interruptions()).isNotNegative();
    assertThat(f.podsEvicted()).isNotNegative();
    assertThat(f.pdbViolations()).isNotNegative();
    assertThat(tiny.deployments()).isEqualTo(BenchWorldGenerator.deployments(200));
  }

  @Test
  void speedIsTheVirtualTimeOverTheWallTimeAndCpuAndHeapAreMeasured() {
    for (Measurement m : tiny.runs()) {
      assertThat(m.wallSeconds()).isPositive();
      assertThat(m.cpuSeconds()).isPositive();
      assertThat(m.simulatedSecondsPerWallSecond())
          .isCloseTo(7_200 / m.wallSeconds(), within(1e-6 * m.simulatedSecondsPerWallSecond()));
      assertThat(m.peakHeapMiB()).isPositive();
    }
  }

  @Test
  void progressIsToldAtEveryTenthOfVirtualTimeOnce() {
    assertThat(percents).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
  }

  @Test
  void anotherSeedGivesAnotherRun() {
    Setup otherSeed = new Setup(200, Duration.ofHours(1), 2, SimStrategy.FLOTILLA);

    Result other = runner.measure(otherSeed, 1, new SimulateBenchmarkRun.Listener() {});

    assertThat(other.runs().get(0).summary()).isNotEqualTo(tiny.runs().get(0).summary());
  }

  @Test
  void aHigherReclaimRateMakesSpotInterruptionsHappenInAShortRun() {
    // The catalog's rates reclaim a capacity pool every few years: none in an hour or two of a tiny
    // world. Ten thousand times those rates take some of its Spot pools.
    Setup reclaimed = new Setup(200, Duration.ofHours(1), 1, SimStrategy.FLOTILLA, 10_000);

    Result result = runner.measure(reclaimed, 1, new SimulateBenchmarkRun.Listener() {});

    assertThat(tiny.runs().get(0).figures().interruptions()).isZero();
    assertThat(result.runs().get(0).figures().interruptions()).isPositive();
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwoAndTheRangeItsEnds() {
    assertThat(Spread.of(new double[] {10, 1, 2})).isEqualTo(new Spread(2, 1, 10));
    assertThat(Spread.of(new double[] {4, 1, 10, 2})).isEqualTo(new Spread(3, 1, 10));
  }

  @Test
  void runsSampleAThousandthOfTheirLengthButNoMoreOftenThanEveryMinute() {
    assertThat(Setup.sampleEvery(Duration.ofDays(30)))
        .isEqualTo(Duration.ofMinutes(43).plusSeconds(12));
    assertThat(Setup.sampleEvery(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(1));
  }
}
