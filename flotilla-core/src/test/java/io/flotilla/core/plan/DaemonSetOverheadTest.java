package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PoolBuilder;
import org.junit.jupiter.api.Test;

/** Every new node carries the DaemonSets that will run on it before any other pod. */
class DaemonSetOverheadTest {
  // Pinned to m5.xlarge: 3920m allocatable cpu, so three 1-cpu pods fit, but not beside 1 cpu more.
  private static PoolBuilder m5xlarge() {
    return pool("m5", 10).require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge");
  }

  @Test
  void withoutDaemonSetsThreeOneCpuPodsShareOneNode() {
    var result =
        Planning.request()
            .pool(m5xlarge())
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void aDaemonSetsRequestsComeOffEveryNewNode() {
    var result =
        Planning.request()
            .pool(m5xlarge())
            .daemonSet("agent", app("agent").requests("1", "512Mi").one())
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(2);
    for (PlannedNode n : result.newNodes()) {
      assertThat(n.used().get("cpu")).isEqualTo(1000 + n.pods().size() * 1000L);
      assertThat(n.used().fitsIn(n.allocatable())).isTrue();
    }
  }

  @Test
  void aDaemonSetThatDoesNotTolerateThePoolTaintAddsNoOverhead() {
    Taint taint = new Taint("team", "web", Effect.NO_SCHEDULE);
    var result =
        Planning.request()
            .pool(m5xlarge().taint(taint))
            .daemonSet("agent", app("agent").requests("1", "512Mi").one())
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .tolerate(Toleration.equal("team", "web", Effect.NO_SCHEDULE))
                    .replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(1);
    assertThat(result.newNodes().get(0).used().get("cpu")).isEqualTo(3000);
  }

  @Test
  void aDaemonSetSelectingAnotherArchitectureAddsNoOverhead() {
    var result =
        Planning.request()
            .pool(m5xlarge())
            .daemonSet(
                "arm-agent",
                app("arm-agent")
                    .requests("1", "512Mi")
                    .nodeSelector(WellKnownLabels.ARCH, "arm64")
                    .one())
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void aDaemonSetWithoutAnImageForTheNodesArchitectureAddsNoOverhead() {
    var result =
        Planning.request()
            .pool(m5xlarge())
            .daemonSet("arm-agent", app("arm-agent").requests("1", "512Mi").images("arm64").one())
            .pods(app("web").requests("1", "1Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).hasSize(1);
  }

  @Test
  void eachDaemonSetPodTakesOneOfTheNodesPodSlots() {
    // maxPods 4: four tiny pods per node alone, three beside the DaemonSet pod.
    KubeletConfig fourPods = new KubeletConfig(4, null, null, null, null, null);
    var alone =
        Planning.request()
            .pool(m5xlarge().kubelet(fourPods))
            .pods(app("web").requests("10m", "16Mi").replicas(12))
            .plan();
    var withAgent =
        Planning.request()
            .pool(m5xlarge().kubelet(fourPods))
            .daemonSet("agent", app("agent").requests("10m", "16Mi").one())
            .pods(app("web").requests("10m", "16Mi").replicas(12))
            .plan();

    assertThat(alone.newNodes()).hasSize(3);
    assertThat(withAgent.newNodes()).hasSize(4);
    assertThat(withAgent.newNodes()).allMatch(n -> n.pods().size() <= 3);
  }

  @Test
  void aPodLargerThanWhatTheDaemonSetsLeaveIsUnschedulable() {
    var result =
        Planning.request()
            .pool(m5xlarge())
            .daemonSet("agent", app("agent").requests("1", "512Mi").one())
            .pods(app("big").requests("3500m", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("big-0")).contains("m5").contains("no instance type fits");
  }

  @Test
  void aPodNeedingTheDaemonSetsHostPortGoesOnlyWhereTheDaemonSetDoesNotRun() {
    // The agent binds 8080 on every node of the open pool; only the tainted pool's nodes, which it
    // does not tolerate, leave the port free, and the existing node runs the agent too.
    Taint taint = new Taint("team", "web", Effect.NO_SCHEDULE);
    var result =
        Planning.request()
            .node(ExistingNodes.node("old-1", "m5.2xlarge"))
            .pool(pool("open", 100))
            .pool(m5xlarge().taint(taint))
            .daemonSet("agent", app("agent").requests("100m", "128Mi").hostPort("8080/TCP").one())
            .pods(
                app("web")
                    .requests("500m", "512Mi")
                    .hostPort("8080/TCP")
                    .tolerate(Toleration.equal("team", "web", Effect.NO_SCHEDULE))
                    .replicas(2))
            .pods(app("api").requests("500m", "512Mi").hostPort("8080/TCP").replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("m5");
    assertThat(result.nodeOf("web-1").nodePool()).isEqualTo("m5");
    assertThat(result.reason("api-0")).isNotEmpty();
    assertThat(result.existing("old-1").pods()).isEmpty();
    Plan firstFit = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(result.request());
    assertThat(PlanInvariants.constraintViolations(result.request(), firstFit)).isEmpty();
  }
}
