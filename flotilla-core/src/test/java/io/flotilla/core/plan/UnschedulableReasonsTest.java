package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pod the plan cannot place is reported once, with the constraint and the pool that failed. */
class UnschedulableReasonsTest {

  @Test
  void anUntoleratedTaintIsNamedWithItsPool() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(new Taint("nvidia.com/gpu", "present", Effect.NO_SCHEDULE)))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("web-0"))
        .contains("pool gpu")
        .contains("taint nvidia.com/gpu=present:NoSchedule not tolerated");
  }

  @Test
  void anUnsatisfiableNodeSelectorIsNamedWithItsPool() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                app("web")
                    .requests("1", "1Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_FAMILY, "p4d")
                    .replicas(1))
            .plan();

    assertThat(result.reason("web-0"))
        .contains("pool general")
        .contains("no instance type satisfies")
        .contains("instance-family In [p4d]");
  }

  @Test
  void aPodLargerThanEveryInstanceTypeSaysNoTypeFitsItsRequests() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(app("huge").requests("200", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("huge-0"))
        .contains("pool general")
        .contains("no instance type fits requests")
        .contains("cpu=200");
  }

  @Test
  void aPoolAtItsCpuLimitSaysSo() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("full", "m5.xlarge", "us-east-1a", "small", List.of(), true))
            .pool(pool("small", 10).limit("cpu", "4"))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("web-0")).contains("pool small").contains("limit cpu reached");
  }

  @Test
  void aPoolAtMaxNodesSaysItIsAtItsMaximumSize() {
    var result =
        Planning.request()
            .pool(pool("tiny", 10).maxNodes(1))
            .pods(
                app("web")
                    .requests("100m", "128Mi")
                    .antiAffinity("web", WellKnownLabels.HOSTNAME)
                    .replicas(2))
            .plan();

    assertThat(result.plan().unschedulable()).hasSize(1);
    assertThat(result.plan().unschedulable().get(0).reason())
        .contains("tiny")
        .contains("maximum size");
  }

  @Test
  void everyPoolIsExplainedWithItsOwnReason() {
    var result =
        Planning.request()
            .pool(pool("gpu", 100).taint(new Taint("nvidia.com/gpu", "", Effect.NO_SCHEDULE)))
            .pool(pool("graviton", 10).require(WellKnownLabels.ARCH, "arm64"))
            .pods(app("legacy").requests("1", "1Gi").images("amd64").replicas(1))
            .plan();

    assertThat(result.reason("legacy-0"))
        .contains("pool gpu: taint")
        .contains("pool graviton: no instance type of an architecture the image is built for");
  }

  @Test
  void aCordonedExistingNodeIsNamedAsSuch() {
    var result =
        Planning.request()
            .node(ExistingNodes.node("drained", "m5.xlarge", "us-east-1a", null, List.of(), true))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("web-0")).contains("drained: cordoned");
  }

  @Test
  void withNoNodesAndNoPoolsThePodIsStillReported() {
    var result = Planning.request().pods(app("web").requests("1", "1Gi").replicas(2)).plan();

    assertThat(result.plan().unschedulable()).hasSize(2);
    assertThat(result.reason("web-0")).contains("no existing node and no node pool");
  }
}
