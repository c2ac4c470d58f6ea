package io.flotilla.bench.simulate;

import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.core.workload.Draws;
import io.flotilla.core.workload.GeneratedWorkload;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.traffic.Traffic;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The world of {@code flotilla bench simulate} (issue 13's speed target), a pure function of the
 * pod count, the seed and the catalog:
 *
 * <ul>
 *   <li>about {@code sqrt(pods)} Deployments (100 at 10,000 pods) whose replicas add up to exactly
 *       {@code pods} at the start, sizes log-normal (a few large services, many small ones);
 *   <li>per Deployment one request shape: CPU log-uniform from 100m to 2 cores on the grid people
 *       write (50m steps below 1 core, 250m above), 1, 2, 4 or 8 GiB per core in steps of 64 MiB;
 *       images multi-arch (70 %), amd64-only (20 %) or arm64-only (10 %); 10 % pinned to on-demand
 *       by a {@code karpenter.sh/capacity-type} nodeSelector;
 *   <li>per Deployment an HPA at 80 % CPU (min half, max twice its replicas) and a CPU load that
 *       waves hourly by 20-40 % around what its starting replicas hold at the target, peaks
 *       staggered over the first {@link #PEAK_SPREAD} of each hour, so the replica total waves
 *       hourly around {@code pods};
 *   <li>per Deployment a PodDisruptionBudget of maxUnavailable 10 %;
 *   <li>one general-purpose NodePool: Spot or on-demand, amd64 or arm64, c/m/r of generation 5 or
 *       later with 4, 8 or 16 vCPUs (about ten pods a node, so about 1,000 nodes at 10,000 pods),
 *       consolidation WhenEmptyOrUnderutilized, Karpenter v1's default expiry and budget.
 * </ul>
 */
public final class BenchWorldGenerator {
  /** Every Deployment lives here. */
  public static final String NAMESPACE = GeneratedWorkload.NAMESPACE;

  /** The one NodePool. */
  public static final String POOL = "general";

  /** The HPAs' target: Kubernetes' default CPU utilisation. */
  public static final int TARGET_CPU_PERCENT = Autoscaler.DEFAULT_CPU_UTILIZATION;

  /** Period of every load wave. */
  public static final Duration WAVE_PERIOD = Duration.ofHours(1);

  /** Load peaks fall within this much of the start of each hour, so the total waves too. */
  public static final Duration PEAK_SPREAD = Duration.ofMinutes(20);

  /** Share of the Deployments held to on-demand capacity by a nodeSelector. */
  public static final double ON_DEMAND_SHARE = 0.10;

  /** The PodDisruptionBudget of every Deployment. */
  public static final DisruptionBudget.Amount MAX_UNAVAILABLE =
      new DisruptionBudget.Amount(10, true);

  private static final double[] GIB_PER_CORE = {1, 2, 4, 8};
  private static final double[] GIB_PER_CORE_WEIGHT = {0.2, 0.4, 0.3, 0.1};
  private static final long MIB = 1L << 20;
  private static final String AMD64 = "amd64";
  private static final String ARM64 = "arm64";

  private BenchWorldGenerator() {}

  /** The number of Deployments a world of {@code pods} pods has. */
  public static int deployments(int pods) {
    return pods <= 0 ? 0 : Math.max(1, (int) Math.round(Math.sqrt(pods)));
  }

  /** The world of {@code pods} pods (at the start) generated from {@code seed}. */
  public static World generate(Catalog catalog, int pods, long seed) {
    return generate(catalog, pods, seed, PlanOptions.DEFAULTS);
  }

  /** The same world, planned with {@code options}. */
  public static World generate(Catalog catalog, int pods, long seed, PlanOptions options) {
    if (pods < 1) {
      throw new IllegalArgumentException("a benchmark world needs at least one pod: " + pods);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int count = deployments(pods);
    int[] replicas = replicas(random, pods, count);
    List<Workload> workloads = new ArrayList<>(count);
    List<Autoscaler> hpas = new ArrayList<>(count);
    List<DisruptionBudget> budgets = new ArrayList<>(count);
    for (int d = 0; d < count; d++) {
      String name = "svc-" + d;
      Resources requests = requests(random);
      Pod template = template(random, name, requests);
      long millis = requests.get(ResourceNames.CPU);
      workloads.add(
          new Workload(NAMESPACE, name, Workload.Kind.DEPLOYMENT, template, replicas[d])
              .withCpuLoad(load(random, replicas[d], millis)));
      hpas.add(
          new Autoscaler(
              NAMESPACE,
              name,
              template.owner(),
              Math.max(1, replicas[d] / 2),
              Math.max(2, 2 * replicas[d]),
              TARGET_CPU_PERCENT,
              Autoscaler.DEFAULT_STABILIZATION));
      budgets.add(
          new DisruptionBudget(
              NAMESPACE,
              name,
              new LabelSelector(Map.of("app", name), List.of()),
              null,
              MAX_UNAVAILABLE));
    }
    return new World(
            new ClusterConfig(List.of(pool()), catalog, options), workloads, List.of(), budgets)
        .withAutoscalers(hpas);
  }

  /** The general-purpose pool: see the class comment. */
  public static NodePool pool() {
    Requirements requirements =
        Requirements.of(
            Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot", "on-demand"),
            Requirement.in(WellKnownLabels.ARCH, AMD64, ARM64),
            Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r"),
            Requirement.of(WellKnownLabels.INSTANCE_GENERATION, Operator.GT, List.of("4")),
            // Bounded node sizes, as Karpenter's examples have them: an interruption takes ten
            // pods, not a hundred.
            Requirement.in(WellKnownLabels.INSTANCE_CPU, "4", "8", "16"));
    Disruption disruption =
        new Disruption(
            Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
            Duration.ZERO,
            Duration.ofHours(720),
            null,
            List.of(Budget.DEFAULT));
    return new NodePool(
        POOL,
        10,
        requirements,
        Map.of(),
        List.of(),
        List.of(),
        Resources.NONE,
        null,
        null,
        disruption,
        null,
        NodePool.Api.V1);
  }

  /** Log-normal weights shared out as whole replicas, at least one each, {@code pods} in all. */
  private static int[] replicas(SplittableRandom random, int pods, int count) {
    double[] weight = new double[count];
    double total = 0;
    for (int d = 0; d < count; d++) {
      weight[d] = Math.exp(0.8 * gaussian(random));
      total += weight[d];
    }
    int[] replicas = new int[count];
    int assigned = 0;
    for (int d = 0; d < count; d++) {
      replicas[d] = Math.max(1, (int) Math.floor(weight[d] / total * pods));
      assigned += replicas[d];
    }
    // Floors leave a few over (or the minimum of one took a few too many): even out in turn.
    for (int d = 0; assigned < pods; d = (d + 1) % count) {
      replicas[d]++;
      assigned++;
    }
    for (int d = 0; assigned > pods; d = (d + 1) % count) {
      if (replicas[d] > 1) {
        replicas[d]--;
        assigned--;
      }
    }
    return replicas;
  }

  private static Resources requests(SplittableRandom random) {
    double raw = Math.exp(Math.log(100) + random.nextDouble() * Math.log(20));
    long millis = raw < 1000 ? Draws.roundTo(raw, 50) : Draws.roundTo(raw, 250);
    double gibPerCore = Draws.pick(random, GIB_PER_CORE, GIB_PER_CORE_WEIGHT);
    long mib = Draws.roundTo(gibPerCore * 1024 * millis / 1000.0, 64);
    return Resources.of(Map.of(ResourceNames.CPU, millis, ResourceNames.MEMORY, mib * MIB));
  }

  private static Pod template(SplittableRandom random, String name, Resources requests) {
    double r = random.nextDouble();
    Set<String> images = r < 0.70 ? Set.of(AMD64, ARM64) : r < 0.90 ? Set.of(AMD64) : Set.of(ARM64);
    Map<String, String> selector = new TreeMap<>();
    if (random.nextDouble() < ON_DEMAND_SHARE) {
      selector.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    }
    // The generated Deployment's first pod is the template (labels app=<name>, its owner).
    return new GeneratedWorkload(name, 1, requests, selector, List.of(), images).pods().get(0);
  }

  /**
   * CPU that {@code replicas} pods of {@code millis} hold at the HPA's target on average, waving
   * hourly by 20-40 % either way.
   */
  private static Traffic load(SplittableRandom random, int replicas, long millis) {
    double mean = replicas * millis / 1000.0 * TARGET_CPU_PERCENT / 100.0;
    double amplitude = 0.2 + 0.2 * random.nextDouble();
    Duration peakAt = Duration.ofSeconds(random.nextLong(PEAK_SPREAD.toSeconds()));
    return new Traffic.Wave(mean * (1 - amplitude), mean * (1 + amplitude), peakAt, WAVE_PERIOD);
  }

  /** A standard normal draw (Box-Muller), from the seeded stream only. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
