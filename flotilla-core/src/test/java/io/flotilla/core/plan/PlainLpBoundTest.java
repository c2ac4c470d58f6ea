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

/** The plain LP bound of a request: its value, and the limits and caps it must respect. */
class PlainLpBoundTest {

  @Test
  void podsThatFillANodeExactlyCostThatNode() {
    BoundProblem p =
        new BoundProblem(3, List.of(demand(1, 2, 8, 0)), List.of(node("m", 4, 8, 0.2)), List.of());

    PlainLpBound.Result r = PlainLpBound.solve(p);

    assertThat(r.bound()).isCloseTo(0.4, within(1e-9));
    assertThat(r.assumedPods()).isEqualTo(8);
    assertThat(r.exact()).isTrue();
  }

  @Test
  void complementaryPodsShareNodesFractionally() {
    // cpu-heavy (3, 1) and memory-heavy (1, 3) pods: 4 of each fill four 4x4 nodes exactly;
    // alone, either kind would need a node per pod.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(3, 1, 4, 0), demand(1, 3, 4, 0)),
            List.of(node("n", 4, 4, 1.0)),
            List.of());

    assertThat(PlainLpBound.solve(p).bound()).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void aPoolLimitForcesTheDearerPoolAndRaisesTheBound() {
    // Cheap nodes (0.1 per cpu) in a pool limited to 8 cpu; dear ones (0.2 per cpu) unlimited.
    // 16 one-cpu pods: ignoring the limit gives 1.6, with it 8 * 0.1 + 8 * 0.2 = 2.4.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(1, 1, 16, 0, 1)),
            List.of(pooled("cheap", 4, 16, 0.4, 0), node("dear", 4, 16, 0.8)),
            List.of(cpuPool("spot", 8, BoundProblem.UNLIMITED)));

    PlainLpBound.Result r = PlainLpBound.solve(p);

    assertThat(r.bound()).isCloseTo(2.4, within(1e-9));
    assertThat(r.assumedPods()).isEqualTo(16);
  }

  @Test
  void aPoolNodeCountAlsoBinds() {
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(1, 1, 16, 0, 1)),
            List.of(pooled("cheap", 4, 16, 0.4, 0), node("dear", 4, 16, 0.8)),
            List.of(cpuPool("group", 1000, 1)));

    assertThat(PlainLpBound.solve(p).bound()).isCloseTo(0.4 + 3 * 0.8, within(1e-9));
  }

  @Test
  void whenALimitStrandsPodsTheBoundCoversThePlaceableOnes() {
    // Only the limited pool: 8 cpu for 12 one-cpu pods, so 8 can be placed, on two nodes.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(1, 1, 12, 0)),
            List.of(pooled("only", 4, 16, 0.4, 0)),
            List.of(cpuPool("small", 8, BoundProblem.UNLIMITED)));

    PlainLpBound.Result r = PlainLpBound.solve(p);

    assertThat(r.assumedPods()).isEqualTo(8);
    assertThat(r.placeablePods()).isEqualTo(12);
    assertThat(r.bound()).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void aPerNodeCapNeedsANodePerCappedPod() {
    // Tiny pods, at most one per node (hostname spread): five nodes, although one holds them all.
    BoundProblem p =
        new BoundProblem(
            3, List.of(capped(1, 1, 5, 1, 0)), List.of(node("big", 8, 32, 1.0)), List.of());

    assertThat(PlainLpBound.solve(p).bound()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void aPerNodeCapKeepsSmallNodesThatAreDearerPerDollar() {
    // Per dollar the big node is better, but with a cap of one pod per node the small one wins.
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(capped(1, 1, 4, 1, 0, 1)),
            List.of(node("small", 2, 2, 0.3), node("big", 16, 16, 1.6)),
            List.of());

    assertThat(PlainLpBound.solve(p).bound()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void podsWithNoUsableOptionAreNotCounted() {
    BoundProblem p =
        new BoundProblem(
            3,
            List.of(demand(1, 1, 4, 0), demand(64, 1, 3, 0)),
            List.of(node("n", 4, 16, 0.4)),
            List.of());

    PlainLpBound.Result r = PlainLpBound.solve(p);

    assertThat(r.placeablePods()).isEqualTo(4);
    assertThat(r.assumedPods()).isEqualTo(4);
    assertThat(r.bound()).isCloseTo(0.4, within(1e-9));
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsTheFullLpWrittenOutDirectly(long seed) {
    BoundProblem p = BoundProblems.random(seed);

    PlainLpBound.Result r = PlainLpBound.solve(p);
    double[] reference = BoundProblems.referencePlainLp(p);

    assertThat(r.assumedPods()).isEqualTo((long) reference[1]);
    assertThat(r.bound()).isCloseTo(reference[0], within(1e-6 * Math.max(1, reference[0])));
    assertThat(r.exact()).isTrue();
  }
}
