package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Preferred node affinity is taken as required while something can satisfy it, and dropped (the
 * lightest first) when nothing can: a preference never makes a pod unschedulable.
 */
class PreferenceRelaxationTest {
  private static final String ARCH = WellKnownLabels.ARCH;

  @Test
  void aPreferenceForArm64GivesAnArm64Node() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(50, Requirement.in(ARCH, "arm64"))
                    .replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.arch().equals("arm64"));
  }

  @Test
  void aPreferenceIsHonouredEvenWhenItCostsMore() {
    // arm64 is cheaper in the catalog; the preference for amd64 still wins.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(50, Requirement.in(ARCH, "amd64"))
                    .replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.arch().equals("amd64"));
  }

  @Test
  void aPreferredZoneIsHonoured() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(10, Requirement.in(WellKnownLabels.ZONE, "us-east-1c"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").zone()).isEqualTo("us-east-1c");
  }

  @Test
  void aPreferenceNoPoolCanMeetIsRelaxedAndThePodStillPlaced() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(100, Requirement.in("team", "ghost"))
                    .replicas(2))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.placed()).isEqualTo(2);
  }

  @Test
  void aPreferenceForAnInstanceTypeNotInThePoolIsRelaxed() {
    var result =
        Planning.request()
            .pool(pool("compute", 10).require(WellKnownLabels.INSTANCE_CATEGORY, "c"))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(100, Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "r"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").instanceType()).startsWith("c");
  }

  @Test
  void whenTwoPreferencesConflictTheHeavierOneIsKept() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(10, Requirement.in(ARCH, "arm64"))
                    .prefer(80, Requirement.in(ARCH, "amd64"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").arch()).isEqualTo("amd64");
  }

  @Test
  void aPreferenceNeverOverridesARequiredTerm() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_CATEGORY, "m")
                    .prefer(50, Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").instanceType()).startsWith("m");
  }

  @Test
  void aPreferenceOnlyALowerWeightPoolMeetsLeadsThere() {
    // As in Karpenter: the preference is first treated as required, and only graviton meets it.
    var result =
        Planning.request()
            .pool(pool("x86", 100).require(ARCH, "amd64"))
            .pool(pool("graviton", 10).require(ARCH, "arm64"))
            .pods(
                app("web")
                    .requests("1", "2Gi")
                    .prefer(50, Requirement.in(ARCH, "arm64"))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("graviton");
  }

  // Relaxation must also give up a preference when what satisfies it cannot take the pod.

  @Test
  // pod")
  void aPreferenceMetOnlyByTypesTooSmallForThePodIsRelaxed() {
    // Every *.large type has 2 vCPU; a 3-cpu pod cannot fit one, so the preference must go.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("3", "1Gi")
                    .prefer(50, Requirement.in(WellKnownLabels.INSTANCE_SIZE, "large"))
                    .replicas(1))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.nodeOf("web-0").instanceType()).doesNotEndWith(".large");
  }

  @Test
  void aPreferenceMetOnlyByAPoolAtItsLimitIsRelaxed() {
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "graviton-old", "m6g.2xlarge", "us-east-1a", "graviton", List.of(), true))
            .pool(pool("x86", 100).require(ARCH, "amd64"))
            .pool(pool("graviton", 10).require(ARCH, "arm64").limit("cpu", "8"))
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .prefer(50, Requirement.in(ARCH, "arm64"))
                    .replicas(2))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("x86");
  }

  @Test
  void podsOverflowingThePreferredPoolAreRelaxedRatherThanStranded() {
    var result =
        Planning.request()
            .pool(pool("x86", 100).require(ARCH, "amd64"))
            .pool(pool("graviton", 10).require(ARCH, "arm64").maxNodes(1))
            .pods(
                app("web")
                    .requests("100m", "128Mi")
                    .antiAffinity("web", WellKnownLabels.HOSTNAME)
                    .prefer(50, Requirement.in(ARCH, "arm64"))
                    .replicas(3))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.newNodesOf("graviton")).hasSize(1);
    assertThat(result.newNodesOf("x86")).hasSize(2);
  }

  @Test
  void aPreferenceMetOnlyByAFullExistingNodeIsRelaxedForTheOverflow() {
    // m5.large has 1930m allocatable cpu: one of the two 1-cpu pods fits on the gold node.
    var result =
        Planning.request()
            .node(withLabel(ExistingNodes.node("gold-1", "m5.large"), "team", "gold"))
            .pool(pool("any", 10))
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .prefer(50, Requirement.in("team", "gold"))
                    .replicas(2))
            .plan();

    assertThat(result.existing("gold-1").pods()).hasSize(1);
    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.newNodes()).hasSize(1);
  }

  private static Node withLabel(Node n, String key, String value) {
    Map<String, String> labels = new TreeMap<>(n.labels());
    labels.put(key, value);
    return new Node(n.name(), labels, n.taints(), n.capacity(), n.allocatable(), n.unschedulable());
  }
}
