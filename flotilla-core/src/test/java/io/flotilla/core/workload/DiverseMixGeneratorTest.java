package io.flotilla.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DiverseMixGeneratorTest {
  private static List<GeneratedWorkload> mix(long seed, int pods) {
    return new DiverseMixGenerator(new SplittableRandom(seed)).workloads(DiverseMixSpec.of(pods));
  }

  @ParameterizedTest(name = "{0} pods, seed {1}")
  @CsvSource({"0, 1", "1, 1", "7, 2", "2000, 3", "10000, 4", "10001, 5"})
  void theMixHasExactlyTheRequestedPodsInWorkloadsOfOneToTenReplicas(int pods, long seed) {
    List<GeneratedWorkload> workloads = mix(seed, pods);

    assertThat(workloads.stream().mapToInt(GeneratedWorkload::replicas).sum()).isEqualTo(pods);
    assertThat(workloads).allSatisfy(w -> assertThat(w.replicas()).isBetween(1, 10));
    assertThat(GeneratedWorkload.pods(workloads)).hasSize(pods);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void tenThousandPodsComeFromOverAThousandWorkloadsWithHundredsOfDistinctRequests(long seed) {
    List<GeneratedWorkload> workloads = mix(seed, 10_000);
    Set<Resources> shapes =
        workloads.stream().map(GeneratedWorkload::requests).collect(Collectors.toSet());

    assertThat(workloads).hasSizeGreaterThan(1_000);
    assertThat(shapes).hasSizeBetween(300, workloads.size() - 1);
    assertThat(workloads.stream().map(GeneratedWorkload::name).distinct())
        .hasSize(workloads.size());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theMixHasEveryKindOfConstraintTheGeneratorPromises(long seed) {
    List<GeneratedWorkload> workloads = mix(seed, 10_000);

    Set<String> archSelectors = new HashSet<>();
    Set<String> capacitySelectors = new HashSet<>();
    Set<Set<String>> images = new HashSet<>();
    for (GeneratedWorkload w : workloads) {
      archSelectors.add(w.nodeSelector().getOrDefault(WellKnownLabels.ARCH, "none"));
      capacitySelectors.add(w.nodeSelector().getOrDefault(WellKnownLabels.CAPACITY_TYPE, "none"));
      images.add(w.architectures());
    }
    assertThat(archSelectors).containsExactlyInAnyOrder("amd64", "arm64", "none");
    assertThat(capacitySelectors).containsExactlyInAnyOrder("on-demand", "spot", "none");
    assertThat(images)
        .containsExactlyInAnyOrder(Set.of("amd64"), Set.of("arm64"), Set.of("amd64", "arm64"));
    assertThat(workloads)
        .anySatisfy(w -> assertThat(w.requests().get(ResourceNames.EPHEMERAL_STORAGE)).isPositive())
        .anySatisfy(w -> assertThat(w.requests().get(ResourceNames.NVIDIA_GPU)).isPositive());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void everyWorkloadCanRunSomewhereItsSelectorAllows(long seed) {
    for (GeneratedWorkload w : mix(seed, 3_000)) {
      String arch = w.nodeSelector().get(WellKnownLabels.ARCH);
      if (arch != null) {
        assertThat(w.architectures()).as(w.name()).contains(arch);
      }
      boolean gpu = w.requests().get(ResourceNames.NVIDIA_GPU) > 0;
      assertThat(Toleration.firstUntolerated(w.tolerations(), List.of(MixPools.GPU_TAINT)))
          .as(w.name())
          .isEqualTo(gpu ? null : MixPools.GPU_TAINT);
      assertThat(w.requests().get(ResourceNames.CPU)).isBetween(50L, 8000L);
      assertThat(w.requests().get(ResourceNames.MEMORY)).isPositive();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void theSameSeedGivesTheSameMixAndAnotherSeedAnotherOne(long seed) {
    List<Pod> once =
        new DiverseMixGenerator(new SplittableRandom(seed)).pods(DiverseMixSpec.of(5000));
    List<Pod> again =
        new DiverseMixGenerator(new SplittableRandom(seed)).pods(DiverseMixSpec.of(5000));
    List<Pod> other =
        new DiverseMixGenerator(new SplittableRandom(seed + 100)).pods(DiverseMixSpec.of(5000));

    assertThat(again).isEqualTo(once);
    assertThat(other).isNotEqualTo(once);
  }

  @Test
  void cpuRequestsSnapToTheGridPeopleWrite() {
    assertThat(DiverseMixGenerator.gridMillis(123)).isEqualTo(100);
    assertThat(DiverseMixGenerator.gridMillis(20)).isEqualTo(50);
    assertThat(DiverseMixGenerator.gridMillis(1130)).isEqualTo(1250);
    assertThat(DiverseMixGenerator.gridMillis(5300)).isEqualTo(5500);
    assertThat(DiverseMixGenerator.gridMillis(9000)).isEqualTo(8000);
  }

  @Test
  void aSpecWithoutReplicasIsRejected() {
    assertThatThrownBy(() -> new DiverseMixSpec(10, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxReplicas");
    assertThatThrownBy(() -> DiverseMixSpec.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pods");
  }

  @Test
  void theGpuTaintIsWhatTheGpuPoolCarries() {
    Taint taint = MixPools.standard().get(1).taints().get(0);
    assertThat(taint).isEqualTo(MixPools.GPU_TAINT);
  }
}
