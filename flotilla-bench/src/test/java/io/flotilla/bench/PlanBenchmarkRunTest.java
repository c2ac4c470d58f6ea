package io.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The figures runner reports what the planner gives; its times are not checked here. */
class PlanBenchmarkRunTest {
  private static Catalog catalog;

  @BeforeAll
  static void loadCatalog() {
    catalog = Ec2Catalog.load(CatalogSettings.defaults());
  }

  @Test
  void theFiguresAreThoseOfThePlannerAndTheFirstFitBaselineOnTheCase() {
    BenchCase benchCase = new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 300, 11);
    PlanBenchmarkRun run = new PlanBenchmarkRun(catalog);
    PlanRequest request = run.request(benchCase);
    Planner.Outcome outcome = new Planner().plan(request, true);
    Plan firstFit = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);

    PlanBenchmarkRun.Figures f = run.measure(benchCase, 1);

    assertThat(f.pods()).isEqualTo(300);
    assertThat(f.workloads()).isEqualTo(benchCase.generate().workloads().size());
    assertThat(f.shapes()).isPositive().isLessThanOrEqualTo(f.workloads());
    assertThat(f.costPerHour()).isEqualTo(outcome.plan().newCostPerHour());
    assertThat(f.unschedulable()).isEqualTo(outcome.plan().unschedulable().size());
    assertThat(f.plainLp()).isEqualTo(outcome.bound().plainLp());
    assertThat(f.configurationLp()).isEqualTo(outcome.bound().configurationLp());
    assertThat(f.firstFitPerHour()).isEqualTo(firstFit.newCostPerHour());
    assertThat(f.costToPlainLp()).isCloseTo(f.costPerHour() / f.plainLp(), within(1e-12));
    assertThat(f.medianMillis()).isPositive();
    assertThat(f.medianCpuMillis()).isPositive();
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(PlanBenchmarkRun.median(new double[] {1, 2, 10})).isEqualTo(2);
    assertThat(PlanBenchmarkRun.median(new double[] {1, 2, 4, 10})).isEqualTo(3);
  }
}
