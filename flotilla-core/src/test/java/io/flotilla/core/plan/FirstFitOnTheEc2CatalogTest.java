package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.PoolBuilder;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixPools;
import io.flotilla.core.workload.MixSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On every EC2 type with a price, generated mixes planned with Karpenter's rules buy no metal, GPU,
 * accelerator or high-memory ({@code u-}, {@code u7i}) types for pods that need no accelerator, and
 * GPU pods still get GPU types.
 */
class FirstFitOnTheEc2CatalogTest {
  private static Catalog catalog;
  private static Catalog cheapExotic;

  @BeforeAll
  static void load() {
    catalog = Ec2TestCatalog.load();
    cheapExotic = Ec2TestCatalog.withCheapExoticSpot();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void genericPodsGetGenericTypesAndGpuPodsGpuTypes(long seed) {
    List<Pod> pods = new MixGenerator(new SplittableRandom(seed)).pods(MixSpec.standard(1000));
    assertOnlyGpuPodsGetExoticTypes(
        new PlanRequest(pods, List.of(), MixPools.standard(), List.of(), catalog));
  }

  /**
   * One pool that admits every type, as Karpenter's default NodePool does, with Spot on metal, GPU
   * and accelerator types at 5 % of on-demand: the filter alone keeps generic pods off them.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void genericPodsGetGenericTypesEvenWhereExoticTypesAreCheaper(long seed) {
    List<Pod> pods =
        new MixGenerator(new SplittableRandom(seed)).pods(new MixSpec(1000, 0, 0.15, 0.15, 0));
    NodePool everything = PoolBuilder.pool("default", 10).build();
    assertOnlyGpuPodsGetExoticTypes(
        new PlanRequest(pods, List.of(), List.of(everything), List.of(), cheapExotic));
  }

  private static void assertOnlyGpuPodsGetExoticTypes(PlanRequest request) {
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);

    assertThat(plan.unschedulable()).isEmpty();
    assertThat(PlanInvariants.violations(request, plan)).isEmpty();
    Map<PodId, Pod> byId =
        request.pods().stream().collect(Collectors.toMap(Pod::id, Function.identity()));
    for (PlannedNode node : plan.newNodes()) {
      InstanceType type = request.catalog().type(node.instanceType()).orElseThrow();
      boolean gpuPods =
          node.pods().stream()
              .anyMatch(p -> byId.get(p).requests().get(ResourceNames.NVIDIA_GPU) > 0);
      if (gpuPods) {
        assertThat(type.gpu().count()).as(node.name() + " " + type.name()).isPositive();
      } else {
        assertThat(type.exotic() || type.name().startsWith("u-") || type.name().startsWith("u7i"))
            .as(node.name() + " holds only generic pods but is " + type.name())
            .isFalse();
      }
    }
  }
}
