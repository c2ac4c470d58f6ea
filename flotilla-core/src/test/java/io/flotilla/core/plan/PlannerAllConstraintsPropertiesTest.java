package io.flotilla.core.plan;

import static io.flotilla.core.testing.ScenarioGenerator.Kind.CAPACITY_TYPE_SPREAD;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.CUSTOM_SPREAD;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.DAEMON_HOST_PORTS;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.MIN_VALUES;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.PREFER_NO_SCHEDULE;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.ZONE_AFFINITY;
import static io.flotilla.core.testing.ScenarioGenerator.Kind.ZONE_SPREAD;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.ScenarioGenerator.Kind;
import io.flotilla.core.testing.TestCatalog;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded problems that mix every kind of constraint {@link ScenarioGenerator}
 * knows. The planner does not handle them all yet: {@link #NOT_YET} lists, per kind, what breaks
 * when it is added (seeds 0 to 299), and {@link #NOT_YET_FOR_CONSTRAINTS} the kinds for which even
 * the constraints break (the choices, such as weight order or unschedulable reasons, are checked by
 * the first test only). Remove a kind from the lists once the planner handles it.
 */
class PlannerAllConstraintsPropertiesTest {
  private static final Catalog CATALOG = TestCatalog.create();

  /**
   * Kinds left out of the test of every invariant, with what today's planner breaks when the kind
   * is added to all the others (seeds 0 to 299, seeds affected / violations). Several are bugs that
   * the kind's extra random draws expose in other constraints.
   */
  static final Set<Kind> NOT_YET =
      EnumSet.of(
          // PreferNoSchedule (4 / 17): an intolerant pod on a soft-tainted existing node while an
          // untainted one has room; unschedulable (10 / 135): pods left out with "limit reached"
          // while the pool still has budget; weight order (1 / 5).
          PREFER_NO_SCHEDULE,
          // host ports (34 / 397): a pod with the DaemonSet's host port on a node it runs on.
          DAEMON_HOST_PORTS,
          // exotic (2 / 5): GPU types for pods that need none; unschedulable (1 / 7) and weight
          // order (1 / 1): budget freed by nodes dropped for skew is not used again.
          ZONE_SPREAD,
          // spread (24 / 208): every pod on Spot although on-demand is an eligible domain;
          // unschedulable (5 / 50); weight order (1 / 10).
          CAPACITY_TYPE_SPREAD,
          // spread (144 / 2169): every pod on the on-demand value, or new nodes without the label.
          CUSTOM_SPREAD,
          // Passes on its own; with HOSTNAME_AFFINITY, weight order (1 / 2).
          ZONE_AFFINITY,
          // minValues (14 / 98): the floor counted without the pods' requirements; unschedulable
          // (1 / 1).
          MIN_VALUES);

  /** Kinds left out of the test of the constraints, the choices aside. */
  static final Set<Kind> NOT_YET_FOR_CONSTRAINTS =
      EnumSet.of(DAEMON_HOST_PORTS, CAPACITY_TYPE_SPREAD, CUSTOM_SPREAD, MIN_VALUES);

  private static Set<Kind> without(Set<Kind> left) {
    Set<Kind> kinds = EnumSet.allOf(Kind.class);
    kinds.removeAll(left);
    return kinds;
  }

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPlanKeepsEveryInvariant(long seed) {
    PlanRequest request = new ScenarioGenerator(seed, CATALOG, without(NOT_YET)).next();
    Plan plan = new Planner().plan(request);
    assertThat(PlanInvariants.violations(request, plan)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothStrategiesKeepTheConstraints(long seed) {
    PlanRequest request =
        new ScenarioGenerator(seed, CATALOG, without(NOT_YET_FOR_CONSTRAINTS)).next();
    assertThat(PlanInvariants.constraintViolations(request, new Planner().plan(request))).isEmpty();
    Plan firstFit = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    assertThat(PlanInvariants.constraintViolations(request, firstFit)).isEmpty();
  }
}
