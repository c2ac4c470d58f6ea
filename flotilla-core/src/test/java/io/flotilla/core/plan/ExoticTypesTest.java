package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.Planning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Karpenter's exotic filter: GPU, accelerator and metal types are launched for a node only when no
 * generic type of the pool fits its pods.
 */
class ExoticTypesTest {
  private static final Resources GPU_POD =
      Resources.parse(Map.of("cpu", "2", "memory", "4Gi", "nvidia.com/gpu", "1"));

  @Test
  void genericPodsNeverGetAGpuTypeWhenAGenericTypeFits() {
    // Big memory-heavy pods: g4dn.12xlarge would be the only single node holding several, but
    // generic types fit each pod.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("6", "24Gi").replicas(7))
            .pods(app("small").requests("250m", "256Mi").replicas(30))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.newNodes())
        .allSatisfy(
            n ->
                assertThat(Planning.CATALOG.type(n.instanceType()).orElseThrow().exotic())
                    .as(n.instanceType())
                    .isFalse());
  }

  @Test
  void genericPodsTakeADearerGenericTypeOverACheaperGpuType() {
    // g4dn.xlarge ($0.526) is cheaper than m5.4xlarge ($0.768), but it is exotic.
    var result =
        Planning.request()
            .pool(
                pool("two", 10)
                    .require(WellKnownLabels.INSTANCE_TYPE, "g4dn.xlarge", "m5.4xlarge")
                    .require(WellKnownLabels.CAPACITY_TYPE, "on-demand"))
            .pods(app("web").requests("1", "2Gi").replicas(1))
            .plan();

    assertThat(result.newNodes()).extracting(n -> n.instanceType()).containsExactly("m5.4xlarge");
  }

  @Test
  void aGpuPodGetsAGpuType() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("infer").requests(GPU_POD).replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.instanceType().startsWith("g4dn"));
  }

  @Test
  void genericPodsUseGpuTypesWhenThePoolHasNothingElse() {
    var result =
        Planning.request()
            .pool(pool("gpu-only", 10).require(WellKnownLabels.INSTANCE_CATEGORY, "g"))
            .pods(app("web").requests("1", "2Gi").replicas(2))
            .plan();

    assertThat(result.placed()).isEqualTo(2);
    assertThat(result.newNodes()).allMatch(n -> n.instanceType().startsWith("g4dn"));
  }

  @Test
  void genericPodsMayJoinAGpuNodeLaunchedForAGpuPodButNeverOpenOne() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("infer").requests(GPU_POD).replicas(1))
            .pods(app("web").requests("500m", "1Gi").replicas(12))
            .plan();

    for (var n : result.newNodes()) {
      if (n.instanceType().startsWith("g4dn")) {
        assertThat(n.pods()).anyMatch(p -> p.name().startsWith("infer"));
      }
    }
    assertThat(result.placed()).isEqualTo(13);
  }
}
