package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning is a pure function of the request. */
class DeterminismTest {
  private static PlanRequest request() {
    Taint arm = new Taint("cpu-architecture", "arm64", Effect.NO_SCHEDULE);
    return Planning.request()
        .node(ExistingNodes.node("old-1", "m5.xlarge"))
        .node(ExistingNodes.node("old-2", "m6g.xlarge", "us-east-1b", "arm", List.of(arm), false))
        .pool(pool("arm", 100).require(WellKnownLabels.ARCH, "arm64").taint(arm).limit("cpu", "32"))
        .pool(pool("x86", 50).require(WellKnownLabels.ARCH, "amd64"))
        .pool(pool("x86-od", 10).require(WellKnownLabels.CAPACITY_TYPE, "on-demand"))
        .daemonSet("agent", app("agent").requests("100m", "128Mi").one())
        .pod(app("db").requests("1", "2Gi").boundTo("old-1").one())
        .pods(
            app("tm")
                .requests("1500m", "4Gi")
                .tolerate(Toleration.equal("cpu-architecture", "arm64", Effect.NO_SCHEDULE))
                .spread(WellKnownLabels.ZONE, 1, null)
                .replicas(11))
        .pods(
            app("jm")
                .requests("1", "2Gi")
                .nodeSelector(WellKnownLabels.CAPACITY_TYPE, "on-demand")
                .replicas(1))
        .pods(
            app("web")
                .requests("300m", "512Mi")
                .images("amd64")
                .spread(WellKnownLabels.HOSTNAME, 2, null)
                .replicas(9))
        .pods(
            app("zk")
                .requests("500m", "1Gi")
                .antiAffinity("zk", WellKnownLabels.HOSTNAME)
                .replicas(3))
        .pods(
            app("gen")
                .requests("250m", "256Mi")
                .prefer(30, Requirement.in(WellKnownLabels.ARCH, "arm64"))
                .replicas(5))
        .build();
  }

  @Test
  void theSameRequestGivesAnEqualPlan() {
    Plan first = new Planner().plan(request());
    Plan second = new Planner().plan(request());

    assertThat(second).isEqualTo(first);
    assertThat(Planning.checked(request(), first).unschedulable()).isEmpty();
  }

  @Test
  void oneRequestPlannedTwiceByOnePlannerGivesAnEqualPlan() {
    Planner planner = new Planner();
    PlanRequest request = request();

    assertThat(planner.plan(request)).isEqualTo(planner.plan(request));
  }

  @Test
  void askingForTheLowerBoundDoesNotChangeThePlan() {
    PlanRequest request = request();

    assertThat(new Planner().plan(request, true).plan()).isEqualTo(new Planner().plan(request));
  }
}
