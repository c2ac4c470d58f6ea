package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.sim.metrics.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Graviton scenario's day under three strategies on its seed: flotilla (diversified Spot over
 * capacity pools) costs less than karpenter-like, whose Spot launches go where EC2 Fleet's
 * price-capacity-optimized strategy puts them (the lowest interruption band, then the price), which
 * costs less than the same workloads on on-demand x86. Against karpenter-like's best case (every
 * Spot launch at the lowest price) flotilla pays for its diversification, within the
 * diversification's price tolerance (10 %).
 */
class GravitonCostOrderTest {
  private static final Path SCENARIO = ScenarioRuns.scenario("flink-spot-graviton.yaml");

  @Test
  void flotillaCostsLessThanKarpenterLikeWhichCostsLessThanOnDemandX86() {
    double flotilla = cost(StrategyName.FLOTILLA, SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
    double karpenter = cost(StrategyName.KARPENTER_LIKE, SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
    double onDemand = cost(StrategyName.ON_DEMAND_X86, SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
    double karpenterLowest = cost(StrategyName.KARPENTER_LIKE, SpotAllocation.LOWEST_PRICE);
    System.out.printf(
        "Graviton day: flotilla $%.2f, karpenter-like $%.2f (lowest-price: $%.2f),"
            + " on-demand-x86 $%.2f%n",
        flotilla, karpenter, karpenterLowest, onDemand);

    assertThat(flotilla).isLessThan(karpenter);
    assertThat(karpenter).isLessThan(onDemand);
    assertThat(karpenterLowest).isLessThan(karpenter);
    assertThat(flotilla).isLessThanOrEqualTo(1.10 * karpenterLowest);
  }

  @Test
  void anUnknownSpotAllocationIsRefusedWithExitCodeTwo() {
    CliRun run =
        CliRun.of(
            "simulate", SCENARIO.toString(), "--karpenter-spot-allocation", "capacity-optimised");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--karpenter-spot-allocation")
        .contains("expected price-capacity-optimized or lowest-price but was 'capacity-optimised'");
  }

  private static double cost(StrategyName strategy, SpotAllocation karpenterSpot) {
    Summary s = ScenarioRuns.run(SCENARIO, strategy, true, karpenterSpot).summary();
    return s.totalCost();
  }
}
