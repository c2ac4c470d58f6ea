package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.workload.MixGenerator;
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

  @BeforeAll
  static void load() {
    catalog = Ec2TestCatalog.load();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void genericPodsGetGenericTypesAndGpuPodsGpuTypes(long seed) {
    List<Pod> pods = new MixGenerator(new SplittableRandom(seed)).pods(MixSpec.standard(1000));
    PlanRequest request =
        new PlanRequest(pods, List.of(), MixGenerator.standardPools(), List.of(), catalog);

    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);

    assertThat(plan.unschedulable()).isEmpty();
    assertThat(PlanInvariants.violations(request, plan)).isEmpty();
    Map<PodId, Pod> byId = pods.stream().collect(Collectors.toMap(Pod::id, Function.identity()));
    for (PlannedNode node : plan.newNodes()) {
      InstanceType type = catalog.type(node.instanceType()).orElseThrow();
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
