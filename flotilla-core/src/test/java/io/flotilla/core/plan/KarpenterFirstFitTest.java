package io.flotilla.core.plan;

import static io.flotilla.core.plan.SyntheticCatalog.ZONE_A;
import static io.flotilla.core.plan.SyntheticCatalog.ZONE_B;
import static io.flotilla.core.plan.SyntheticCatalog.generic;
import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PoolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The first-fit baseline follows Karpenter's provisioning rules, one scenario per rule, on made-up
 * catalogs where the rule decides the outcome.
 */
class KarpenterFirstFitTest {
  private static final InstanceType LARGE = generic("c.large", 2);
  private static final InstanceType XLARGE = generic("c.xlarge", 4);
  private static final InstanceType XXLARGE = generic("c.2xlarge", 8);
  private static final InstanceType XXXXLARGE = generic("c.4xlarge", 16);

  /** c.large (1,930m allocatable), c.xlarge (3,920m), c.2xlarge (7,910m), on-demand. */
  private static SyntheticCatalog threeSizes() {
    return new SyntheticCatalog()
        .onDemand(LARGE, 0.10)
        .onDemand(XLARGE, 0.20)
        .onDemand(XXLARGE, 0.40);
  }

  private static Planning.Result firstFit(Catalog catalog, List<Pod> pods, PoolBuilder... pools) {
    List<NodePool> built = new ArrayList<>();
    for (PoolBuilder p : pools) {
      built.add(p.build());
    }
    PlanRequest request = new PlanRequest(pods, List.of(), built, List.of(), catalog);
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);
    return new Planning.Result(request, Planning.checked(request, plan));
  }

  private static List<String> types(Planning.Result result) {
    return result.newNodes().stream().map(PlannedNode::instanceType).toList();
  }

  @Test
  void aClaimKeepsTakingPodsWhileSomeOptionHoldsThemAllThenLaunchesTheCheapestThatDoes() {
    var result =
        firstFit(
            threeSizes().build(),
            app("web").requests("1", "256Mi").replicas(9),
            pool("default", 10));

    // Seven 1-cpu pods fill the first claim up to c.2xlarge; the eighth opens a second one.
    assertThat(result.newNodes()).hasSize(2);
    assertThat(result.nodeOf("web-0").instanceType()).isEqualTo("c.2xlarge");
    assertThat(result.nodeOf("web-0").pods()).hasSize(7);
    assertThat(result.nodeOf("web-8").instanceType()).isEqualTo("c.xlarge");
    assertThat(result.nodeOf("web-8").pods()).hasSize(2);
  }

  @Test
  void aPodJoinsTheEmptiestClaimThatCanTakeIt() {
    List<Pod> pods = new ArrayList<>(app("big").requests("1500m", "256Mi").replicas(6));
    pods.add(app("small").requests("300m", "256Mi").one());
    var result = firstFit(threeSizes().build(), pods, pool("default", 10));

    // Five big pods fill the first claim (7,500m of 7,910m); the sixth opens a second claim.
    // The small pod would still fit the first, but the second holds fewer pods.
    assertThat(result.nodeOf("big-0").pods()).hasSize(5);
    assertThat(result.nodeOf("small-0")).isEqualTo(result.nodeOf("big-5"));
    assertThat(result.nodeOf("small-0").instanceType()).isEqualTo("c.large");
  }

  @ParameterizedTest(name = "{0} cheap small types before the big one")
  @CsvSource({"599, 1", "600, 5"})
  void aNewClaimKeepsOnlyTheSixHundredCheapestTypesThatFitItsFirstPod(int small, int nodes) {
    SyntheticCatalog catalog = new SyntheticCatalog();
    for (int i = 0; i < small; i++) {
      catalog.onDemand(generic(String.format("s%03d.large", i), 2), 0.010 + i * 0.0001);
    }
    catalog.onDemand(generic("big.4xlarge", 16), 1.0);

    var result =
        firstFit(catalog.build(), app("web").requests("1", "256Mi").replicas(5), pool("p", 10));

    // A small type holds one 1-cpu pod. Only when the big type is among the 600 cheapest can the
    // first claim grow to hold all five pods.
    assertThat(result.newNodes()).hasSize(nodes);
    if (nodes == 1) {
      assertThat(types(result)).containsExactly("big.4xlarge");
    } else {
      assertThat(types(result)).doesNotContain("big.4xlarge").containsOnly("s000.large");
    }
  }

  @Test
  void theSixHundredCheapestAreThePoolsOwnEvenWhenTheFirstPodFitsFewOfThem() {
    SyntheticCatalog catalog = new SyntheticCatalog();
    for (int i = 0; i < 599; i++) {
      catalog.onDemand(generic(String.format("s%03d.large", i), 2), 0.010 + i * 0.0001);
    }
    catalog.onDemand(generic("mid.xlarge", 4), 0.2).onDemand(generic("big.4xlarge", 16), 1.0);

    var result =
        firstFit(catalog.build(), app("web").requests("3", "256Mi").replicas(5), pool("p", 10));

    // No small type holds a 3-cpu pod, but all 599 rank among the pool's 600 cheapest: the big
    // type is the 601st, so no claim may grow into it and each mid.xlarge holds one pod.
    assertThat(types(result)).hasSize(5).containsOnly("mid.xlarge");
  }

  /** Exotic types priced below the generic ones, so only the filter keeps them out. */
  private static Catalog withCheapExoticTypes() {
    return new SyntheticCatalog()
        .onDemand(generic("m.xlarge", 4), 0.20)
        .onDemand(generic("m.2xlarge", 8), 0.40)
        .onDemand(generic("m.metal", 16), 0.15)
        .onDemand(SyntheticCatalog.withNvidiaGpu("g.xlarge", 4), 0.10)
        .onDemand(SyntheticCatalog.withNeuron("inf.xlarge", 4), 0.05)
        .build();
  }

  @Test
  void genericPodsNeverGetMetalGpuOrNeuronTypesWhenAGenericTypeFits() {
    var result =
        firstFit(
            withCheapExoticTypes(),
            app("web").requests("1", "256Mi").replicas(10),
            pool("default", 10));

    // The first claim's options are the generic types only, so it stops growing at m.2xlarge (7
    // pods) instead of going on to m.metal, and the second launches m.xlarge, not inf.xlarge.
    assertThat(types(result)).containsExactly("m.2xlarge", "m.xlarge");
  }

  @Test
  void anExoticTypeIsLaunchedWhenNoGenericTypeFits() {
    var result =
        firstFit(
            withCheapExoticTypes(),
            List.of(app("huge").requests("12", "1Gi").one()),
            pool("default", 10));

    assertThat(types(result)).containsExactly("m.metal");
  }

  @Test
  void aGpuPodStillGetsAGpuType() {
    Resources gpu =
        Resources.of(
            Map.of(
                ResourceNames.CPU, 1000L,
                ResourceNames.MEMORY, 1L << 30,
                ResourceNames.NVIDIA_GPU, 1L));
    var result =
        firstFit(
            withCheapExoticTypes(), List.of(app("train").requests(gpu).one()), pool("default", 10));

    assertThat(types(result)).containsExactly("g.xlarge");
  }

  /**
   * Every type costs the same, so Karpenter orders them by name and the Spot-capable {@code
   * z.large} comes last: only when it is among the 60 cheapest does the launch go Spot.
   */
  @ParameterizedTest(name = "{0} on-demand-only types before it")
  @CsvSource({"59, SPOT, z.large", "60, ON_DEMAND, t00.large"})
  void theLaunchChoosesAmongTheSixtyCheapestRemainingTypes(
      int onDemandOnly, CapacityType capacity, String type) {
    SyntheticCatalog catalog = new SyntheticCatalog();
    for (int i = 0; i < onDemandOnly; i++) {
      catalog.onDemand(generic(String.format("t%02d.large", i), 2), 0.10);
    }
    InstanceType last = generic("z.large", 2);
    catalog.onDemand(last, 0.10).spot(last, 0.10);

    var result =
        firstFit(catalog.build(), List.of(app("web").requests("1", "256Mi").one()), pool("p", 10));

    assertThat(result.newNodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.capacityType()).isEqualTo(capacity);
              assertThat(n.instanceType()).isEqualTo(type);
            });
  }

  @ParameterizedTest(name = "spot at {0}")
  @CsvSource({"0.12, a.large, ON_DEMAND", "0.09, b.large, SPOT"})
  void spotTypesDearerThanTheCheapestOnDemandTypeAreDroppedWhenEitherCouldLaunch(
      double spotPrice, String type, CapacityType capacity) {
    InstanceType b = generic("b.large", 2);
    Catalog catalog =
        new SyntheticCatalog()
            .onDemand(generic("a.large", 2), 0.10)
            .onDemand(b, 0.30)
            .spot(b, spotPrice)
            .build();

    var result = firstFit(catalog, List.of(app("web").requests("1", "256Mi").one()), pool("p", 10));

    assertThat(result.newNodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.instanceType()).isEqualTo(type);
              assertThat(n.capacityType()).isEqualTo(capacity);
            });
  }

  /**
   * Three pods that refuse to share a node, in a pool limited to 20 cpu. The first claim could
   * still become a c.4xlarge, so it counts 16 cpu; the second may only be c.large or c.xlarge and
   * counts 4; the third finds no type within the limit, though the two nodes launched hold 4 cpu.
   */
  @ParameterizedTest(name = "limit {0} cpu")
  @CsvSource({"20, 2", "34, 3"})
  void aNewClaimCountsAgainstThePoolLimitsAtItsLargestOption(String limit, int placed) {
    Catalog catalog = threeSizes().onDemand(XXXXLARGE, 0.80).build();
    List<Pod> pods =
        app("solo")
            .requests("1", "256Mi")
            .antiAffinity("solo", WellKnownLabels.HOSTNAME)
            .replicas(3);

    var result = firstFit(catalog, pods, pool("capped", 10).limit("cpu", limit));

    assertThat(result.placed()).isEqualTo(placed);
    assertThat(types(result)).containsOnly("c.large");
    if (placed < 3) {
      assertThat(result.reason("solo-2")).contains("limit cpu");
    }
  }

  private static Catalog twoZonesBothCapacityTypes() {
    return new SyntheticCatalog()
        .onDemand(XLARGE, 0.20, ZONE_A, ZONE_B)
        .spot(XLARGE, 0.08, ZONE_A, ZONE_B)
        .onDemand(XXLARGE, 0.40, ZONE_A, ZONE_B)
        .spot(XXLARGE, 0.16, ZONE_A, ZONE_B)
        .build();
  }

  @Test
  void podsPinnedToDifferentZonesNeverShareAClaim() {
    List<Pod> pods = new ArrayList<>();
    pods.add(app("a").requests("1", "256Mi").nodeSelector(WellKnownLabels.ZONE, ZONE_A).one());
    pods.add(app("b").requests("1", "256Mi").nodeSelector(WellKnownLabels.ZONE, ZONE_B).one());

    var result = firstFit(twoZonesBothCapacityTypes(), pods, pool("p", 10));

    assertThat(result.nodeOf("a-0").zone()).isEqualTo(ZONE_A);
    assertThat(result.nodeOf("b-0").zone()).isEqualTo(ZONE_B);
  }

  @Test
  void aClaimGoesOnDemandWhenOneOfItsPodsNeedsItAndSpotWhenAllMayUseSpot() {
    List<Pod> pods = new ArrayList<>(app("flex").requests("1", "256Mi").replicas(2));
    pods.add(
        app("steady")
            .requests("1500m", "256Mi")
            .nodeSelector(WellKnownLabels.CAPACITY_TYPE, "on-demand")
            .one());

    var mixed = firstFit(twoZonesBothCapacityTypes(), pods, pool("p", 10));
    var flexible =
        firstFit(
            twoZonesBothCapacityTypes(),
            app("flex").requests("1", "256Mi").replicas(2),
            pool("p", 10));

    assertThat(mixed.newNodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.capacityType()).isEqualTo(CapacityType.ON_DEMAND);
              assertThat(n.pods()).hasSize(3);
            });
    assertThat(flexible.newNodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.capacityType()).isEqualTo(CapacityType.SPOT);
            });
  }

  @Test
  void aNewClaimComesFromTheFirstPoolByNameThatCanTakeThePodWithinItsLimits() {
    var result =
        firstFit(
            threeSizes().build(),
            app("web").requests("3", "256Mi").replicas(2),
            pool("a-full", 10).maxNodes(0),
            pool("b-open", 10),
            pool("c-open", 10));

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.nodePool().equals("b-open"));
  }
}
