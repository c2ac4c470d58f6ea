package io.flotilla.core.plan;

import static io.flotilla.core.plan.BoundProblems.capped;
import static io.flotilla.core.plan.BoundProblems.cpuPool;
import static io.flotilla.core.plan.BoundProblems.demand;
import static io.flotilla.core.plan.BoundProblems.node;
import static io.flotilla.core.plan.BoundProblems.pooled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The configuration LP bound: whole pods per node, by column generation, certified. */
class ConfigurationLpBoundTest {
  private static final ConfigurationLpBound.Budget BUDGET = ConfigurationLpBound.Budget.DEFAULT;

  @Test
  void podsLargerThanHalfANodeNeedANodeEach() {
    // Five 3-cpu pods on 5-cpu nodes: the plain LP packs them into 3 nodes, whole pods need 5.
    BoundProblem p =
        new BoundProblem(3, List.of(demand(3, 1, 5, 0)), List.of(node("n", 5, 8, 1.0)), List.of());

    ConfigurationLpBound.Result r = ConfigurationLpBound.solve(p, 5, BUDGET);

    assertThat(PlainLpBound.solve(p).bound()).isCloseTo(3.0, within(1e-9));
    assertThat(r.bound()).isCloseTo(5.0, within(1e-6));
    assertThat(r.converged()).isTrue();
  }

  @Test
  void mixedPodsShareNodesWhereWholePodsAllowIt() {
    // 3-cpu and 2-cpu pods on 5-cpu nodes: one of each per node, 4 nodes for 4 + 4 pods.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(3, 1, 4, 0), demand(2, 1, 4, 0)),
            List.of(node("n", 5, 8, 1.0)),
            List.of());

    assertThat(ConfigurationLpBound.solve(p, 8, BUDGET).bound()).isCloseTo(4.0, within(1e-6));
  }

  @Test
  void aPoolLimitHoldsInTheConfigurationLpToo() {
    // 3-cpu pods; the cheap pool (4-cpu nodes at 0.2) may launch 8 cpu: two nodes, one pod each;
    // the other four go on dear 4-cpu nodes at 0.5, one each: 0.4 + 2.0.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(3, 1, 6, 0, 1)),
            List.of(pooled("cheap", 4, 8, 0.2, 0), node("dear", 4, 8, 0.5)),
            List.of(cpuPool("spot", 8, BoundProblem.UNLIMITED)));

    ConfigurationLpBound.Result r = ConfigurationLpBound.solve(p, 6, BUDGET);

    assertThat(r.bound()).isCloseTo(2.4, within(1e-6));
    assertThat(r.converged()).isTrue();
  }

  @Test
  void aPerNodeCapLimitsThePatterns() {
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(capped(1, 1, 6, 2, 0), demand(1, 1, 6, 0)),
            List.of(node("n", 4, 8, 1.0)),
            List.of());

    // Three nodes of 2 capped + 2 free pods each.
    assertThat(ConfigurationLpBound.solve(p, 12, BUDGET).bound()).isCloseTo(3.0, within(1e-6));
  }

  @Test
  void tooManyDemandsAreNotAttempted() {
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(3, 1, 4, 0), demand(2, 1, 4, 0)),
            List.of(node("n", 5, 8, 1.0)),
            List.of());

    ConfigurationLpBound.Result r =
        ConfigurationLpBound.solve(p, 8, new ConfigurationLpBound.Budget(10, 100, 100, 1));

    assertThat(r.attempted()).isFalse();
    assertThat(r.converged()).isFalse();
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void isAtLeastThePlainLpAndConverges(long seed) {
    BoundProblem p = BoundProblems.random(seed);
    PlainLpBound.Result plain = PlainLpBound.solve(p);

    ConfigurationLpBound.Result config = ConfigurationLpBound.solve(p, plain.assumedPods(), BUDGET);

    assertThat(config.converged()).isTrue();
    assertThat(config.bound()).isGreaterThanOrEqualTo(plain.bound() - 1e-6);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void startedFromThePlainLpsPricesItConvergesToTheSameValue(long seed) {
    BoundProblem p = BoundProblems.random(seed);
    PlainLpBound.Result plain = PlainLpBound.solve(p);

    ConfigurationLpBound.Result cold = ConfigurationLpBound.solve(p, plain.assumedPods(), BUDGET);
    ConfigurationLpBound.Result warm = ConfigurationLpBound.solve(p, plain, BUDGET);

    assertThat(warm.converged()).isTrue();
    assertThat(warm.bound()).isCloseTo(cold.bound(), within(1e-6 * Math.max(1, cold.bound())));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stoppedEarlyItStaysBelowTheConvergedValue(long seed) {
    BoundProblem p = BoundProblems.random(seed);
    long pods = PlainLpBound.solve(p).assumedPods();

    double full = ConfigurationLpBound.solve(p, pods, BUDGET).bound();
    double early =
        ConfigurationLpBound.solve(p, pods, new ConfigurationLpBound.Budget(1, 0, 0, 1000)).bound();

    assertThat(early).isLessThanOrEqualTo(full + 1e-6);
  }
}
