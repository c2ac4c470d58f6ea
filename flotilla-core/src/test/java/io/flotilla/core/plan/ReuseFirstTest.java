package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Existing capacity is used before anything is launched, as far as it honestly has room. */
class ReuseFirstTest {
  // m5.xlarge allocatable with the default kubelet: 3920m cpu, 14162Mi memory, 58 pods.

  @Test
  void podsThatFitAnExistingNodeLaunchNothing() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .pods(app("web").requests("900m", "1Gi").replicas(4))
            .plan();

    assertThat(result.newNodes()).isEmpty();
    assertThat(result.existing("old-1").pods()).hasSize(4);
    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.plan().newCostPerHour()).isZero();
  }

  @Test
  void daemonSetOverheadAndBoundPodsReduceTheRoomOfAnExistingNode() {
    // 3920m - 500m (DaemonSet) - 1000m (bound) = 2420m: two more 1-cpu pods, not three.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .daemonSet("agent", app("agent").requests("500m", "256Mi").one())
            .pod(app("db").requests("1", "1Gi").boundTo("old-1").one())
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.existing("old-1").pods()).hasSize(2);
    assertThat(result.newNodes()).hasSize(1);
    assertThat(result.newNodes().get(0).pods()).hasSize(1);
    assertThat(result.existing("old-1").used().get("cpu")).isEqualTo(500 + 1000 + 2 * 1000);
  }

  @Test
  void memoryOfBoundPodsCountsAsWellAsCpu() {
    // 14162Mi - 12Gi bound = 1874Mi: one 1Gi pod fits, the second does not.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .pod(app("cache").requests("100m", "12Gi").boundTo("old-1").one())
            .pods(app("web").requests("100m", "1Gi").replicas(2))
            .plan();

    assertThat(result.existing("old-1").pods()).hasSize(1);
    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void aCordonedNodeTakesNothing() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("drained", "m5.xlarge", "us-east-1a", null, List.of(), true))
            .pool(pool("general", 10))
            .pods(app("web").requests("100m", "128Mi").replicas(3))
            .plan();

    assertThat(result.existing("drained").pods()).isEmpty();
    assertThat(result.newNodes()).isNotEmpty();
    assertThat(result.placed()).isEqualTo(3);
  }

  @Test
  void anExistingNodesTaintKeepsIntolerantPodsOffAndLetsTolerantPodsOn() {
    Taint gpuOnly = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "batch-1", "m5.xlarge", "us-east-1a", null, List.of(gpuOnly), false))
            .pool(pool("general", 10))
            .pods(app("web").requests("100m", "128Mi").replicas(2))
            .pods(
                app("job")
                    .requests("100m", "128Mi")
                    .tolerate(Toleration.equal("dedicated", "batch", Effect.NO_SCHEDULE))
                    .replicas(2))
            .plan();

    assertThat(result.existing("batch-1").pods())
        .extracting(PodId::name)
        .containsExactlyInAnyOrder("job-0", "job-1");
    assertThat(result.nodeOf("web-0").existing()).isFalse();
    assertThat(result.nodeOf("web-1").existing()).isFalse();
  }

  @Test
  void aPreferNoScheduleTaintDoesNotBlockReuse() {
    Taint soft = new Taint("maintenance", "soon", Effect.PREFER_NO_SCHEDULE);
    var result =
        Planning.request()
            .node(
                ExistingNodes.node("old-1", "m5.xlarge", "us-east-1a", null, List.of(soft), false))
            .pool(pool("general", 10))
            .pods(app("web").requests("100m", "128Mi").replicas(2))
            .plan();

    assertThat(result.existing("old-1").pods()).hasSize(2);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void anExistingNodeMustSatisfyThePodsNodeSelector() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .pods(
                app("web")
                    .requests("100m", "128Mi")
                    .nodeSelector("kubernetes.io/arch", "arm64")
                    .replicas(1))
            .plan();

    assertThat(result.existing("old-1").pods()).isEmpty();
    assertThat(result.nodeOf("web-0").arch()).isEqualTo("arm64");
  }

  @Test
  void existingNodesAreFilledEvenWhenANewNodeWouldBeCheaperPerPod() {
    // An existing m5.4xlarge costs nothing extra; reuse beats launching a cheaper small node.
    var result =
        Planning.request()
            .node(ExistingNodes.node("big", "m5.4xlarge"))
            .pool(pool("general", 10))
            .pods(app("web").requests("2", "4Gi").replicas(5))
            .plan();

    assertThat(result.existing("big").pods()).hasSize(5);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void aPodWhosePreferenceAnExistingNodeMissesStillReusesIt() {
    // Preferred affinity only scores nodes: kube-scheduler binds these pods to old-1, so
    // Karpenter never sees them pending and launches nothing.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.xlarge"))
            .pool(pool("general", 10))
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .prefer(50, Requirement.in(WellKnownLabels.ARCH, "arm64"))
                    .replicas(2))
            .plan();

    assertThat(result.existing("old-1").pods()).hasSize(2);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void boundPodsUsingUpThePodSlotsLeaveNoRoom() {
    // m5.large admits 29 pods; all are taken.
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.large"))
            .pool(pool("general", 10))
            .pods(app("tiny").requests("1m", "1Mi").boundTo("old-1").replicas(29))
            .pods(app("web").requests("1m", "1Mi").replicas(1))
            .plan();

    assertThat(result.existing("old-1").pods()).isEmpty();
    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void anExistingNodeOfALowerWeightPoolIsUsedBeforeLaunchingFromAHigherOne() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("low-1", "m5.xlarge", "us-east-1a", "low", List.of(), false))
            .pool(pool("high", 100))
            .pool(pool("low", 10))
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.existing("low-1").pods()).hasSize(3);
    assertThat(result.newNodes()).isEmpty();
  }
}
