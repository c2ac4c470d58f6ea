package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.TestCatalog;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of every plan, over many seeded random problems with the kinds of constraint the
 * planner supports today ({@link ScenarioGenerator.Kind#supportedByPlanner()}); {@link
 * PlannerAllConstraintsPropertiesTest} covers the others.
 */
class PlannerPropertiesTest {
  private static final Catalog CATALOG = TestCatalog.create();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPlanHonoursEveryConstraintAndAccountsForEveryPod(long seed) {
    PlanRequest request = new ScenarioGenerator(seed, CATALOG).next();
    Plan plan = new Planner().plan(request);
    assertThat(PlanInvariants.violations(request, plan)).isEmpty();
  }

  /**
   * The baseline restates Karpenter's first-fit rules, which make other choices on purpose (within
   * one batch a new node reserves its largest candidate type against the pool's limits, say): it is
   * held to the constraints, not to the choices.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theFirstFitBaselineHonoursTheSameConstraints(long seed) {
    PlanRequest request = new ScenarioGenerator(seed, CATALOG).next();
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    assertThat(PlanInvariants.constraintViolations(request, plan)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameRequestGivesTheSamePlan(long seed) {
    PlanRequest request = new ScenarioGenerator(seed, CATALOG).next();
    assertThat(new Planner().plan(request)).isEqualTo(new Planner().plan(request));
  }

  /** Seeds whose pools have no limits: there the weight order never trades cost for adherence. */
  static LongStream unlimitedSeeds() {
    return seeds()
        .filter(
            seed ->
                new ScenarioGenerator(seed, CATALOG)
                    .next().pools().stream()
                        .allMatch(p -> p.limits().isEmpty() && p.maxNodes() == null));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("unlimitedSeeds")
  void withoutPoolLimitsPlanningPlacesAsManyPodsAsTheBaselineAtNoHigherCost(long seed) {
    // Packing against packing: Spot diversification (which costs a little on purpose) is off.
    PlanRequest request =
        new ScenarioGenerator(seed, CATALOG)
            .next()
            .withOptions(PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF));
    Plan ours = new Planner().plan(request);
    Plan baseline = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    assertThat(ours.unschedulable().size()).isLessThanOrEqualTo(baseline.unschedulable().size());
    if (ours.unschedulable().size() == baseline.unschedulable().size()) {
      assertThat(ours.newCostPerHour()).isLessThanOrEqualTo(baseline.newCostPerHour() + 1e-9);
    }
  }

  /**
   * Under pool limits, which pods get the scarce room also decides what later tiers can take;
   * neither packing sees that fully. Flotilla keeps the better of its two packings per tier and
   * puts pods with no later option first, so it should lose to the Karpenter baseline on placed
   * pods only rarely. The baseline chooses among every type and lets Spot-capable and on-demand
   * pods share an on-demand node, so under node-count and cpu caps its fuller, larger nodes place
   * more pods in a few problems (6 of 200 when it became Karpenter's restatement).
   */
  @Test
  void underPoolLimitsPlanningAlmostAlwaysPlacesAsManyPodsAsTheBaseline() {
    int limited = 0;
    int worse = 0;
    for (long seed = 0; seed < 300; seed++) {
      PlanRequest request = new ScenarioGenerator(seed, CATALOG).next();
      if (request.pools().stream().allMatch(p -> p.limits().isEmpty() && p.maxNodes() == null)) {
        continue;
      }
      limited++;
      Plan ours = new Planner().plan(request);
      Plan baseline = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
      if (ours.unschedulable().size() > baseline.unschedulable().size()) {
        worse++;
      }
    }
    assertThat(limited).isGreaterThan(150);
    assertThat(worse)
        .as("problems where first-fit placed more pods")
        .isLessThanOrEqualTo(limited / 25);
  }
}
