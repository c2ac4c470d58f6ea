package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.PoolBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Small batches packed exactly, checked against a brute force and against the bounds. */
class ExactPackerTest {
  private static final List<String> S12_TYPES = PackingInstance.TYPES.keySet().stream().toList();
  private static final PlanOptions.ExactSearch LIMITS = PlanOptions.ExactSearch.DEFAULT;

  private static List<List<Pod>> s12Pods() {
    return List.of(
        app("cpuheavy").requests("1700m", "1Gi").replicas(9),
        app("memheavy").requests("300m", "11Gi").replicas(7),
        app("mid").requests("1", "3Gi").replicas(5));
  }

  @Test
  void allocatableMatchesKarpentersFiguresForTheS12Types() {
    // The CSV's karpenter_allocatable columns for m6i.4xlarge: 15890m and 57691Mi.
    Shape m6i =
        PackingInstance.shape(0, pool("mix", 10).build(), PackingInstance.TYPES.get("m6i.4xlarge"));

    assertThat(m6i.free()[0]).isEqualTo(15890);
    assertThat(m6i.free()[1]).isEqualTo(57691L << 20);
  }

  @Test
  void s12PacksIntoAnM6i4xlargeAndAnR6i2xlarge() {
    NodePool mix = pool("mix", 10).build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    long[] remaining = s12.pods();
    PoolBudget budget = PackingInstance.budget(mix);

    Optional<List<NodeBatch>> packed = s12.exact().pack(remaining, budget, LIMITS);

    assertThat(packed).isPresent();
    assertThat(PatternPacker.cost(packed.get())).isCloseTo(1.272, within(1e-9));
    assertThat(
            packed.get().stream().map(b -> b.shape().offering().type().name() + " x" + b.nodes()))
        .containsExactlyInAnyOrder("m6i.4xlarge x1", "r6i.2xlarge x1");
    assertThat(remaining).containsOnly(0L);
    assertValid(s12, s12.pods(), packed.get());
  }

  @Test
  void s12BoundsStayBelowTheOptimum() {
    NodePool mix = pool("mix", 10).build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    BoundProblem problem = s12.boundProblem(PackingInstance.budget(mix));

    PlainLpBound.Result plain = PlainLpBound.solve(problem);
    ConfigurationLpBound.Result config =
        ConfigurationLpBound.solve(problem, plain, ConfigurationLpBound.Budget.DEFAULT);

    assertThat(plain.bound()).isLessThanOrEqualTo(config.bound() + 1e-6);
    assertThat(config.bound()).isLessThanOrEqualTo(1.272 + 1e-6);
    assertThat(config.converged()).isTrue();
  }

  @Test
  void aBatchOverTheClassLimitIsLeftToTheHeuristic() {
    NodePool mix = pool("mix", 10).build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    long[] remaining = s12.pods();
    PoolBudget budget = PackingInstance.budget(mix);
    PlanOptions.ExactSearch twoClasses = new PlanOptions.ExactSearch(2, 300, 200_000, 20_000);

    assertThat(s12.exact().pack(remaining, budget, twoClasses)).isEmpty();
    assertThat(remaining).containsExactly(9, 7, 5);
  }

  @Test
  void tooManyPatternsAreLeftToTheHeuristic() {
    NodePool mix = pool("mix", 10).build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    PlanOptions.ExactSearch fewPatterns = new PlanOptions.ExactSearch(8, 300, 5, 20_000);

    assertThat(s12.exact().pack(s12.pods(), PackingInstance.budget(mix), fewPatterns)).isEmpty();
  }

  @Test
  void aSearchCutOffBeforeProvingOptimalityGivesNothing() {
    NodePool mix = pool("mix", 10).build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    long[] remaining = s12.pods();
    PlanOptions.ExactSearch oneNode = new PlanOptions.ExactSearch(8, 300, 200_000, 1);

    assertThat(s12.exact().pack(remaining, PackingInstance.budget(mix), oneNode)).isEmpty();
    assertThat(remaining).containsExactly(9, 7, 5);
  }

  @Test
  void aPoolLimitExactlyAtTheOptimumKeepsItAndSpendsTheBudget() {
    // m6i.4xlarge + r6i.2xlarge have 24 vCPU of capacity between them.
    NodePool mix = pool("mix", 10).limit("cpu", "24").build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);
    PoolBudget budget = PackingInstance.budget(mix);

    Optional<List<NodeBatch>> packed = s12.exact().pack(s12.pods(), budget, LIMITS);

    assertThat(packed).isPresent();
    assertThat(PatternPacker.cost(packed.get())).isCloseTo(1.272, within(1e-9));
    assertThat(budget.allowance(s12.shapes.get(0))).isZero();
  }

  @Test
  void aPoolLimitTooSmallForAllPodsGivesNothing() {
    // 22.4 cores of requests cannot fit in nodes with 23 vCPU of capacity between them.
    NodePool mix = pool("mix", 10).limit("cpu", "23").build();
    PackingInstance s12 = new PackingInstance(s12Pods(), mix, S12_TYPES);

    assertThat(s12.exact().pack(s12.pods(), PackingInstance.budget(mix), LIMITS)).isEmpty();
  }

  @Test
  void aHostnameSpreadPutsOnePodOfItsWorkloadPerNode() {
    NodePool general = pool("general", 10).build();
    PackingInstance spread =
        new PackingInstance(
            List.of(
                app("web")
                    .requests("500m", "1Gi")
                    .spread(WellKnownLabels.HOSTNAME, 1, null)
                    .replicas(3),
                app("batch").requests("1", "2Gi").replicas(2)),
            general,
            List.of("m6i.large", "m6i.xlarge", "c6i.large"));

    Optional<List<NodeBatch>> packed =
        spread.exact().pack(spread.pods(), PackingInstance.budget(general), LIMITS);

    assertThat(packed).isPresent();
    assertThat(packed.get().stream().mapToLong(NodeBatch::nodes).sum()).isEqualTo(3);
    assertValid(spread, spread.pods(), packed.get());
    // Three c6i.large (0.085 each), each with one web pod and up to one batch pod.
    assertThat(PatternPacker.cost(packed.get())).isCloseTo(3 * 0.085, within(1e-9));
  }

  static LongStream seeds() {
    return LongStream.range(0, 150);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesABruteForceAndTheBoundsStayBelowIt(long seed) {
    // Consecutive seeds give java.util.Random nearly equal first draws: spread them first.
    Random rnd = new Random(seed * 0x9E3779B97F4A7C15L);
    NodePool pool = randomPool(rnd);
    PackingInstance instance = randomInstance(rnd, pool);
    long[] coverable = coverable(instance);
    PoolBudget budget = PackingInstance.budget(pool);
    BoundProblem problem = instance.boundProblem(PackingInstance.budget(pool));
    long[] remaining = coverable.clone();

    Optional<List<NodeBatch>> packed = instance.exact().pack(remaining, budget, LIMITS);
    double brute = new BruteForce(instance, pool).cheapest(coverable);
    if (Double.isInfinite(brute)) {
      assertThat(packed).isEmpty();
      assertThat(remaining).containsExactly(coverable);
      return;
    }
    assertThat(packed).isPresent();
    double cost = PatternPacker.cost(packed.get());
    assertThat(cost).isCloseTo(brute, within(1e-9));
    assertValid(instance, coverable, packed.get());
    assertThat(remaining).containsOnly(0L);

    PlainLpBound.Result plain = PlainLpBound.solve(problem);
    ConfigurationLpBound.Result config =
        ConfigurationLpBound.solve(problem, plain, ConfigurationLpBound.Budget.DEFAULT);
    assertThat(plain.assumedPods()).isEqualTo(Arrays.stream(coverable).sum());
    assertThat(plain.bound()).isLessThanOrEqualTo(config.bound() + 1e-6);
    assertThat(config.bound()).isLessThanOrEqualTo(cost + 1e-6);
  }

  private static NodePool randomPool(Random rnd) {
    PoolBuilder b = pool("p", 10);
    switch (rnd.nextInt(4)) {
      case 0 -> b.maxNodes(1 + rnd.nextInt(3));
      case 1 -> b.limit("cpu", Integer.toString(2 + 2 * rnd.nextInt(5)));
      default -> {}
    }
    return b.build();
  }

  private static PackingInstance randomInstance(Random rnd, NodePool pool) {
    String[] cpu = {"250m", "500m", "1", "1500m", "2", "3"};
    String[] memory = {"512Mi", "1Gi", "2Gi", "4Gi", "6Gi", "12Gi"};
    int n = 1 + rnd.nextInt(3);
    List<List<Pod>> workloads = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      PodBuilder b =
          app("w" + w).requests(cpu[rnd.nextInt(cpu.length)], memory[rnd.nextInt(memory.length)]);
      if (rnd.nextInt(4) == 0) {
        b.spread(WellKnownLabels.HOSTNAME, 1, null);
      }
      if (w > 0 && rnd.nextInt(6) == 0) {
        b.antiAffinity("w" + rnd.nextInt(w), WellKnownLabels.HOSTNAME);
      }
      workloads.add(b.replicas(1 + rnd.nextInt(4)));
    }
    List<String> names =
        new ArrayList<>(
            List.of(
                "c6i.large", "m6i.large", "r6i.large", "c6i.xlarge", "m6i.xlarge", "r6i.xlarge"));
    java.util.Collections.shuffle(names, rnd);
    return new PackingInstance(workloads, pool, names.subList(0, 1 + rnd.nextInt(3)));
  }

  /** Pods of the classes some shape can hold; the others are not the batch's to place. */
  private static long[] coverable(PackingInstance instance) {
    BitSet any = new BitSet();
    for (BitSet b : instance.compatible) {
      any.or(b);
    }
    long[] pods = instance.pods();
    for (int c = 0; c < pods.length; c++) {
      if (!any.get(c)) {
        pods[c] = 0;
      }
    }
    return pods;
  }

  /** Every pod placed once, every node within its room and the co-location rules and budget. */
  private static void assertValid(PackingInstance instance, long[] pods, List<NodeBatch> batches) {
    long[] placed = new long[pods.length];
    for (NodeBatch b : batches) {
      long[] used = b.used(instance.classes, PackingInstance.DIMS.size());
      assertThat(Dimensions.fits(used, b.shape().free())).as("fits " + b.shape()).isTrue();
      int[] counts = new int[instance.classes.size()];
      int[] groups = new int[instance.colocation.groupCount()];
      BitSet present = new BitSet();
      for (int i = 0; i < b.classIds().length; i++) {
        int c = b.classIds()[i];
        assertThat(instance.compatible[instance.shapes.indexOf(b.shape())].get(c)).isTrue();
        assertThat(instance.colocation.room(c, counts, groups, present, null))
            .as("co-location of class " + c)
            .isGreaterThanOrEqualTo(b.perNode()[i]);
        instance.colocation.add(c, b.perNode()[i], counts, groups, present);
        placed[c] += b.perNode()[i] * b.nodes();
      }
    }
    assertThat(placed).containsExactly(pods);
  }

  /**
   * The cheapest packing by exhaustive search over node contents, one node at a time, with the
   * pool's node count and cpu capacity as state: independent of the pattern enumeration and of the
   * integer program.
   */
  private static final class BruteForce {
    private final PackingInstance instance;
    private final NodePool pool;
    private final Map<String, Double> memo = new HashMap<>();

    BruteForce(PackingInstance instance, NodePool pool) {
      this.instance = instance;
      this.pool = pool;
    }

    double cheapest(long[] pods) {
      return best(pods, 0, 0);
    }

    private double best(long[] left, int nodes, long cpu) {
      if (Arrays.stream(left).allMatch(v -> v == 0)) {
        return 0;
      }
      String key = Arrays.toString(left) + "|" + nodes + "|" + cpu;
      Double known = memo.get(key);
      if (known != null) {
        return known;
      }
      double best = Double.POSITIVE_INFINITY;
      for (int s = 0; s < instance.shapes.size(); s++) {
        Shape shape = instance.shapes.get(s);
        long shapeCpu = shape.capacity().get("cpu");
        if ((pool.maxNodes() != null && nodes + 1 > pool.maxNodes())
            || (!pool.limits().isEmpty() && cpu + shapeCpu > pool.limits().get("cpu"))) {
          continue;
        }
        for (long[] content : contents(s, left)) {
          long[] rest = left.clone();
          for (int c = 0; c < rest.length; c++) {
            rest[c] -= content[c];
          }
          best = Math.min(best, shape.price() + best(rest, nodes + 1, cpu + shapeCpu));
        }
      }
      memo.put(key, best);
      return best;
    }

    /** Every non-empty content of one node of shape s drawn from {@code left}. */
    private List<long[]> contents(int s, long[] left) {
      List<long[]> out = new ArrayList<>();
      long[] a = new long[left.length];
      fill(s, left, 0, a, out);
      return out;
    }

    private void fill(int s, long[] left, int c, long[] a, List<long[]> out) {
      if (c == left.length) {
        if (Arrays.stream(a).anyMatch(v -> v > 0) && feasible(s, a)) {
          out.add(a.clone());
        }
        return;
      }
      long most = instance.compatible[s].get(c) ? left[c] : 0;
      for (long n = 0; n <= most; n++) {
        a[c] = n;
        fill(s, left, c + 1, a, out);
      }
      a[c] = 0;
    }

    private boolean feasible(int s, long[] a) {
      long[] used = new long[PackingInstance.DIMS.size()];
      int[] counts = new int[a.length];
      int[] groups = new int[instance.colocation.groupCount()];
      BitSet present = new BitSet();
      for (int c = 0; c < a.length; c++) {
        if (a[c] == 0) {
          continue;
        }
        if (instance.colocation.room(c, counts, groups, present, null) < a[c]) {
          return false;
        }
        instance.colocation.add(c, a[c], counts, groups, present);
        Dimensions.subtract(used, instance.classes.get(c).request(), -a[c]);
      }
      return Dimensions.fits(used, instance.shapes.get(s).free());
    }
  }
}
