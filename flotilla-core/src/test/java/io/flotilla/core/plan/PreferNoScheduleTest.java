package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PreferNoSchedule repels pods that do not tolerate it, but never strands them. */
class PreferNoScheduleTest {
  private static final Taint SPOT = new Taint("spotInstance", "true", Effect.PREFER_NO_SCHEDULE);
  private static final Taint SOFT = new Taint("maintenance", "soon", Effect.PREFER_NO_SCHEDULE);
  private static final Toleration TOLERATE_SOFT =
      new Toleration("maintenance", true, null, Effect.PREFER_NO_SCHEDULE);

  @Test
  void anIntolerantPodAvoidsASoftTaintedPoolWhenAnotherCanTakeIt() {
    var result =
        Planning.request()
            .pool(pool("spot-group", 100).taint(SPOT))
            .pool(pool("plain", 10))
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).allMatch(n -> n.nodePool().equals("plain"));
  }

  @Test
  void podsTheUntaintedPoolsLimitLeavesOverGoToTheSoftTaintedPoolRatherThanPending() {
    // The plain pool can launch for the class, so it avoids the tainted pool; but the plain
    // pool's cpu limit holds only some of the pods, and Karpenter tolerates PreferNoSchedule taints
    // last rather than leave a pod pending.
    var result =
        Planning.request()
            .pool(pool("spot-group", 100).taint(SPOT))
            .pool(pool("plain", 10).limit("cpu", "8"))
            .pods(app("web").requests("3", "1Gi").replicas(6))
            .plan();

    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.newNodes()).anyMatch(n -> n.nodePool().equals("plain"));
    assertThat(result.newNodes()).anyMatch(n -> n.nodePool().equals("spot-group"));
  }

  @Test
  void aTolerantPodStillPrefersTheHigherWeightSoftTaintedPool() {
    var result =
        Planning.request()
            .pool(pool("spot-group", 100).taint(SPOT))
            .pool(pool("plain", 10))
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .tolerate(new Toleration("spotInstance", true, null, null))
                    .replicas(3))
            .plan();

    assertThat(result.newNodes()).allMatch(n -> n.nodePool().equals("spot-group"));
  }

  @Test
  void amongExistingNodesTheUntaintedOneIsFilledFirstEvenWhenTheTaintedOneIsFuller() {
    // soft-node holds a bound pod already, so by fullness alone it would be chosen first.
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "soft-node", "m5.2xlarge", "us-east-1a", null, List.of(SOFT), false))
            .node(ExistingNodes.node("plain-node", "m5.2xlarge"))
            .pod(
                app("resident")
                    .requests("2", "4Gi")
                    .tolerate(TOLERATE_SOFT)
                    .boundTo("soft-node")
                    .one())
            .pool(pool("general", 10))
            .pods(app("web").requests("500m", "1Gi").replicas(4))
            .plan();

    assertThat(result.existing("plain-node").pods()).hasSize(4);
    assertThat(result.existing("soft-node").pods()).isEmpty();
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void aPodIsNotHeldBackForANewNodeOnlyToAvoidASoftTaintedExistingNode() {
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "soft-node", "m5.2xlarge", "us-east-1a", null, List.of(SOFT), false))
            .pool(pool("general", 10))
            .pods(app("web").requests("500m", "1Gi").replicas(4))
            .plan();

    assertThat(result.existing("soft-node").pods()).hasSize(4);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void whenTheUntaintedNodeIsFullTheRestGoToTheSoftTaintedOne() {
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "soft-node", "m5.2xlarge", "us-east-1a", null, List.of(SOFT), false))
            .node(ExistingNodes.node("plain-node", "m5.large"))
            .pool(pool("general", 10))
            .pods(app("web").requests("500m", "1Gi").replicas(6))
            .plan();

    assertThat(result.existing("plain-node").pods()).hasSize(3);
    assertThat(result.existing("soft-node").pods()).hasSize(3);
    assertThat(result.newNodes()).isEmpty();
  }

  @Test
  void aSoftTaintedPoolStillTakesPodsWhenItIsTheOnlyOne() {
    var result =
        Planning.request()
            .pool(pool("spot-group", 100).taint(SPOT))
            .pods(app("web").requests("1", "1Gi").replicas(2))
            .plan();

    assertThat(result.placed()).isEqualTo(2);
    assertThat(result.newNodes()).allMatch(n -> n.nodePool().equals("spot-group"));
  }
}
