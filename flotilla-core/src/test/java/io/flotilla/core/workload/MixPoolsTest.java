package io.flotilla.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MixPoolsTest {
  @Test
  void theStandardSettingKeepsGpuTypesInATaintedPoolOfItsOwn() {
    List<NodePool> pools = MixPools.standard();

    assertThat(pools).extracting(NodePool::name).containsExactly("general", "gpu");
    NodePool general = pools.get(0);
    NodePool gpu = pools.get(1);
    assertThat(general.requirements().matches(Map.of())).isFalse(); // capacity type is spelled out
    assertThat(general.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "spot")).isTrue();
    assertThat(general.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "on-demand")).isTrue();
    assertThat(general.requirements().allows(WellKnownLabels.INSTANCE_GPU_COUNT, "1")).isFalse();
    assertThat(general.taints()).isEmpty();
    assertThat(gpu.requirements().allows(WellKnownLabels.INSTANCE_GPU_COUNT, "1")).isTrue();
    assertThat(gpu.taints()).containsExactly(MixPools.GPU_TAINT);
    assertThat(general.weight()).isGreaterThan(gpu.weight());
    assertThat(pools).allSatisfy(p -> assertThat(p.limits().isEmpty()).isTrue());
  }

  @Test
  void theWeightedSettingTriesALimitedSpotPoolBeforeAnOnDemandOne() {
    List<NodePool> pools = MixPools.weighted(64);

    assertThat(pools).extracting(NodePool::name).containsExactly("spot", "on-demand", "gpu");
    NodePool spot = pools.get(0);
    NodePool onDemand = pools.get(1);
    assertThat(spot.weight()).isGreaterThan(onDemand.weight());
    assertThat(onDemand.weight()).isGreaterThan(pools.get(2).weight());
    assertThat(spot.limits()).isEqualTo(Resources.of(ResourceNames.CPU, 64_000));
    assertThat(onDemand.limits().isEmpty()).isTrue();
    assertThat(spot.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "spot")).isTrue();
    assertThat(spot.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "on-demand")).isFalse();
    assertThat(onDemand.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "on-demand")).isTrue();
    assertThat(onDemand.requirements().allows(WellKnownLabels.CAPACITY_TYPE, "spot")).isFalse();
    assertThat(spot.requirements().allows(WellKnownLabels.INSTANCE_GPU_COUNT, "1")).isFalse();
  }

  @Test
  void theSpotPoolOfAMixHoldsHalfItsRequestedCpuRoundedUpToWholeCores() {
    List<Pod> pods =
        List.of(
            Pod.simple(new PodId("bench", "a"), Resources.of(ResourceNames.CPU, 1500)),
            Pod.simple(new PodId("bench", "b"), Resources.of(ResourceNames.CPU, 1700)));

    NodePool spot = MixPools.weightedFor(pods).get(0);

    assertThat(spot.limits().get(ResourceNames.CPU)).isEqualTo(2000); // 1.6 cores -> 2
  }
}
