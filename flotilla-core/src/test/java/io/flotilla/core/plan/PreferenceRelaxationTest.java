package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.Planning;
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
            .pods(app("web").requests("1", "2Gi").prefer(50, Requirement.in(ARCH, "arm64")).replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.arch().equals("arm64"));
  }

  @Test
  void aPreferenceIsHonouredEvenWhenItCostsMore() {
    // arm64 is cheaper in the catalog; the preference for amd64 still wins.
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("1", "2Gi").prefer(50, Requirement.in(ARCH, "amd64")).replicas(2))
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
            .pods(app("web").requests("1", "2Gi").prefer(100, Requirement.in("team", "ghost")).replicas(2))
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
            .pods(app("web").requests("1", "2Gi").prefer(50, Requirement.in(ARCH, "arm64")).replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("graviton");
  }
}
