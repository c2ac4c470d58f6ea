package io.flotilla.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedWorkloadTest {
  @Test
  void eachReplicaIsAPodOfTheDeploymentWithItsSelectorAsTheOnlyRequiredTerm() {
    GeneratedWorkload w =
        new GeneratedWorkload(
            "svc-7",
            3,
            Resources.of(ResourceNames.CPU, 250),
            Map.of(WellKnownLabels.ARCH, "arm64", WellKnownLabels.CAPACITY_TYPE, "spot"),
            List.of(MixPools.GPU_TOLERATION),
            Set.of("arm64"));

    List<Pod> pods = w.pods();

    assertThat(pods)
        .extracting(Pod::id)
        .containsExactly(
            new PodId("bench", "svc-7-0"),
            new PodId("bench", "svc-7-1"),
            new PodId("bench", "svc-7-2"));
    Pod pod = pods.get(0);
    assertThat(pod.owner()).isEqualTo("Deployment/svc-7");
    assertThat(pod.labels()).containsExactly(Map.entry("app", "svc-7"));
    assertThat(pod.requests()).isEqualTo(w.requests());
    assertThat(pod.nodeAffinity().requiredTerms())
        .containsExactly(
            Requirements.of(
                Requirement.in(WellKnownLabels.CAPACITY_TYPE, "spot"),
                Requirement.in(WellKnownLabels.ARCH, "arm64")));
    assertThat(pod.tolerations()).containsExactly(MixPools.GPU_TOLERATION);
    assertThat(pod.architectures()).containsExactly("arm64");
    assertThat(pod.unresolvedImages()).isEmpty();
    assertThat(pod.bound()).isFalse();
  }

  @Test
  void aWorkloadWithoutSelectorOrKnownArchitecturesHasNoRequiredTermAndAnUnresolvedImage() {
    GeneratedWorkload w =
        new GeneratedWorkload(
            "svc-1", 1, Resources.of(ResourceNames.CPU, 100), Map.of(), List.of(), Set.of());

    Pod pod = w.pods().get(0);

    assertThat(pod.nodeAffinity().requiredTerms()).isEmpty();
    assertThat(pod.architectures()).isEmpty();
    assertThat(pod.unresolvedImages()).containsExactly(w.image());
  }
}
