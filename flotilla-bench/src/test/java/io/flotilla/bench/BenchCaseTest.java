package io.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.ResourceNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BenchCaseTest {
  @ParameterizedTest
  @EnumSource(BenchMix.class)
  void aCaseGeneratesTheSameProblemEveryTime(BenchMix mix) {
    BenchCase benchCase = new BenchCase(mix, BenchPools.WEIGHTED, 2000, 7);

    BenchCase.Problem once = benchCase.generate();
    BenchCase.Problem again = benchCase.generate();

    assertThat(once.pods()).hasSize(2000);
    assertThat(again).isEqualTo(once);
    assertThat(new BenchCase(mix, BenchPools.WEIGHTED, 2000, 8).generate().pods())
        .isNotEqualTo(once.pods());
  }

  @Test
  void theDiverseMixHasManySmallWorkloadsAndTheStandardMixFewLargeOnes() {
    int diverse =
        new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 10_000, 1)
            .generate()
            .workloads()
            .size();
    int standard =
        new BenchCase(BenchMix.STANDARD, BenchPools.STANDARD, 10_000, 1)
            .generate()
            .workloads()
            .size();

    assertThat(diverse).isGreaterThan(1_000);
    assertThat(standard).isLessThanOrEqualTo(400);
  }

  @Test
  void weightedPoolsLimitTheSpotPoolToHalfTheMixsCpu() {
    BenchCase.Problem problem =
        new BenchCase(BenchMix.DIVERSE, BenchPools.WEIGHTED, 1000, 3).generate();
    long requested =
        problem.pods().stream().mapToLong(p -> p.requests().get(ResourceNames.CPU)).sum();

    NodePool spot = problem.pools().get(0);

    assertThat(spot.name()).isEqualTo("spot");
    assertThat(spot.limits().get(ResourceNames.CPU)).isBetween(requested / 2, requested / 2 + 1000);
  }
}
