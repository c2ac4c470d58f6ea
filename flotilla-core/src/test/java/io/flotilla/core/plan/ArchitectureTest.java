package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import org.junit.jupiter.api.Test;

/** A pod only lands on an architecture its images are built for. */
class ArchitectureTest {
  private static final String ARCH = WellKnownLabels.ARCH;
  private static final Taint ARM_TAINT = new Taint("cpu-architecture", "arm64", Effect.NO_SCHEDULE);
  private static final Toleration ARM_OK =
      Toleration.equal("cpu-architecture", "arm64", Effect.NO_SCHEDULE);

  @Test
  void anAmd64OnlyPodSkipsACheaperHigherWeightArmPool() {
    var result =
        Planning.request()
            .pool(pool("graviton", 100).require(ARCH, "arm64"))
            .pool(pool("x86", 10).require(ARCH, "amd64"))
            .pods(app("legacy").requests("1", "2Gi").images("amd64").replicas(2))
            .pods(app("modern").requests("1", "2Gi").images("amd64", "arm64").replicas(2))
            .plan();

    assertThat(result.nodeOf("legacy-0").arch()).isEqualTo("amd64");
    assertThat(result.nodeOf("legacy-1").arch()).isEqualTo("amd64");
    assertThat(result.nodeOf("legacy-0").nodePool()).isEqualTo("x86");
    assertThat(result.nodeOf("modern-0").nodePool()).isEqualTo("graviton");
  }

  @Test
  void anAmd64OnlyPodInAnArmOnlyWorldIsUnschedulableNamingTheArchitecture() {
    var result =
        Planning.request()
            .pool(pool("graviton", 100).require(ARCH, "arm64"))
            .pods(app("legacy").requests("1", "2Gi").images("amd64").replicas(1))
            .plan();

    assertThat(result.newNodes()).isEmpty();
    assertThat(result.reason("legacy-0"))
        .contains("graviton")
        .contains("architecture")
        .contains("amd64");
  }

  @Test
  void anAmd64OnlyPodInAMixedPoolGetsAnAmd64NodeThoughArmIsCheaper() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("legacy").requests("1", "2Gi").images("amd64").replicas(3))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.arch().equals("amd64"));
  }

  @Test
  void aMultiArchPodInAMixedPoolTakesTheCheaperArmNode() {
    var result =
        Planning.request()
            .pool(pool("any", 10))
            .pods(app("web").requests("1", "2Gi").images("amd64", "arm64").replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").arch()).isEqualTo("arm64");
  }

  @Test
  void anExistingArmNodeDoesNotTakeAnAmd64OnlyPod() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("arm-1", "m6g.xlarge"))
            .pool(pool("x86", 10).require(ARCH, "amd64"))
            .pods(app("legacy").requests("500m", "1Gi").images("amd64").replicas(1))
            .pods(app("modern").requests("500m", "1Gi").images("arm64").replicas(1))
            .plan();

    assertThat(result.existing("arm-1").pods()).extracting(PodId::name).containsExactly("modern-0");
    assertThat(result.nodeOf("legacy-0").existing()).isFalse();
    assertThat(result.nodeOf("legacy-0").arch()).isEqualTo("amd64");
  }

  @Test
  void theReferenceArmTaintAdmitsOnlyTolerantMultiArchPods() {
    // Reference cluster: arm-spot (100, tainted) before x86-spot (50).
    var result =
        Planning.request()
            .pool(pool("arm-spot", 100).require(ARCH, "arm64").taint(ARM_TAINT))
            .pool(pool("x86-spot", 50).require(ARCH, "amd64"))
            .pods(app("untested").requests("1", "2Gi").images("amd64", "arm64").replicas(1))
            .pods(
                app("tested")
                    .requests("1", "2Gi")
                    .images("amd64", "arm64")
                    .tolerate(ARM_OK)
                    .replicas(1))
            .pods(app("x86only").requests("1", "2Gi").images("amd64").tolerate(ARM_OK).replicas(1))
            .plan();

    assertThat(result.nodeOf("untested-0").nodePool()).isEqualTo("x86-spot");
    assertThat(result.nodeOf("tested-0").nodePool()).isEqualTo("arm-spot");
    assertThat(result.nodeOf("x86only-0").nodePool()).isEqualTo("x86-spot");
  }
}
