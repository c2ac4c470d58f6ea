package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pools are tried in descending weight; each stays within its limits, existing nodes included. */
class PoolWeightAndLimitsTest {
  private static final String ARCH = WellKnownLabels.ARCH;

  @Test
  void theHighestWeightCompatiblePoolWinsEvenWhenALowerOneIsCheaper() {
    var result =
        Planning.request()
            .pool(pool("x86", 100).require(ARCH, "amd64"))
            .pool(pool("graviton", 10).require(ARCH, "arm64"))
            .pods(app("web").requests("1", "2Gi").replicas(3))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.nodePool().equals("x86"));
    assertThat(result.newNodes()).allMatch(n -> n.arch().equals("amd64"));
  }

  @Test
  void aPodFallsToTheNextPoolWhenTheFirstPoolsTaintExcludesIt() {
    var result =
        Planning.request()
            .pool(pool("dedicated", 100).taint(new Taint("team", "data", Effect.NO_SCHEDULE)))
            .pool(pool("general", 10))
            .pods(app("web").requests("1", "2Gi").replicas(2))
            .plan();

    assertThat(result.newNodes()).isNotEmpty().allMatch(n -> n.nodePool().equals("general"));
  }

  @Test
  void aPodFallsToTheNextPoolWhenTheFirstPoolsRequirementsExcludeIt() {
    var result =
        Planning.request()
            .pool(pool("compute", 100).require(WellKnownLabels.INSTANCE_CATEGORY, "c"))
            .pool(pool("general", 10))
            .pods(
                app("cache")
                    .requests("1", "8Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_CATEGORY, "r")
                    .replicas(1))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.nodeOf("cache-0").nodePool()).isEqualTo("general");
    assertThat(result.nodeOf("cache-0").instanceType()).startsWith("r");
    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("compute");
  }

  @Test
  void podsSpillToTheNextPoolOnceTheCpuLimitIsReached() {
    var result =
        Planning.request()
            .pool(pool("preferred", 100).limit("cpu", "8"))
            .pool(pool("overflow", 10))
            .pods(app("web").requests("1500m", "1Gi").replicas(8))
            .plan();

    assertThat(result.newNodesOf("preferred")).isNotEmpty();
    assertThat(result.newNodesOf("overflow")).isNotEmpty();
    assertThat(capacity(result, "preferred").get("cpu")).isLessThanOrEqualTo(8000);
    assertThat(result.placed()).isEqualTo(8);
  }

  @Test
  void podsSpillToTheNextPoolOnceTheMemoryLimitIsReached() {
    var result =
        Planning.request()
            .pool(pool("preferred", 100).limit("memory", "20Gi"))
            .pool(pool("overflow", 10))
            .pods(app("cache").requests("500m", "6Gi").replicas(6))
            .plan();

    assertThat(result.newNodesOf("preferred")).isNotEmpty();
    assertThat(result.newNodesOf("overflow")).isNotEmpty();
    assertThat(capacity(result, "preferred").get("memory")).isLessThanOrEqualTo(20L << 30);
    assertThat(result.placed()).isEqualTo(6);
  }

  @Test
  void aPoolLaunchesNoMoreThanMaxNodes() {
    var result =
        Planning.request()
            .pool(pool("small", 100).maxNodes(2))
            .pool(pool("overflow", 10))
            .pods(
                app("web")
                    .requests("100m", "128Mi")
                    .antiAffinity("web", WellKnownLabels.HOSTNAME)
                    .replicas(5))
            .plan();

    assertThat(result.newNodesOf("small")).hasSize(2);
    assertThat(result.newNodesOf("overflow")).hasSize(3);
  }

  @Test
  void theCpuLimitCountsTheCapacityOfThePoolsExistingNodes() {
    // The pool already has a 4-vCPU node (cordoned, so it takes nothing): 4 of its 8 cpu remain.
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "preferred-old", "m5.xlarge", "us-east-1a", "preferred", List.of(), true))
            .pool(pool("preferred", 100).limit("cpu", "8"))
            .pool(pool("overflow", 10))
            .pods(app("web").requests("1500m", "1Gi").replicas(6))
            .plan();

    assertThat(capacity(result, "preferred").get("cpu")).isLessThanOrEqualTo(4000);
    assertThat(result.newNodesOf("overflow")).isNotEmpty();
    assertThat(result.placed()).isEqualTo(6);
  }

  @Test
  void maxNodesCountsThePoolsExistingNodes() {
    var result =
        Planning.request()
            .node(
                ExistingNodes.node("small-old", "m5.large", "us-east-1a", "small", List.of(), true))
            .pool(pool("small", 100).maxNodes(2))
            .pool(pool("overflow", 10))
            .pods(
                app("web")
                    .requests("100m", "128Mi")
                    .antiAffinity("web", WellKnownLabels.HOSTNAME)
                    .replicas(3))
            .plan();

    assertThat(result.newNodesOf("small")).hasSize(1);
    assertThat(result.newNodesOf("overflow")).hasSize(2);
  }

  @Test
  void aPoolWhoseExistingNodesAlreadyExhaustItsLimitLaunchesNothing() {
    var result =
        Planning.request()
            .node(
                ExistingNodes.node(
                    "full", "m5.2xlarge", "us-east-1a", "preferred", List.of(), true))
            .pool(pool("preferred", 100).limit("cpu", "8"))
            .pool(pool("overflow", 10))
            .pods(app("web").requests("1", "1Gi").replicas(2))
            .plan();

    assertThat(result.newNodesOf("preferred")).isEmpty();
    assertThat(result.newNodesOf("overflow")).isNotEmpty();
  }

  @Test
  void limitsHoldWhenThereIsNoOtherPool() {
    var result =
        Planning.request()
            .pool(pool("only", 100).limit("cpu", "16"))
            .pods(app("web").requests("1", "1Gi").replicas(40))
            .plan();

    assertThat(capacity(result, "only").get("cpu")).isLessThanOrEqualTo(16000);
    assertThat(result.plan().unschedulable()).isNotEmpty();
    assertThat(result.placed() + result.plan().unschedulable().size()).isEqualTo(40);
  }

  /** Summed capacity of the new nodes a pool launches, as Karpenter counts it against limits. */
  private static Resources capacity(Planning.Result result, String pool) {
    Resources total = Resources.NONE;
    for (PlannedNode n : result.newNodesOf(pool)) {
      var type = Planning.CATALOG.type(n.instanceType()).orElseThrow();
      total =
          total.plus(
              Allocatable.capacity(type, KubeletConfig.DEFAULT, NodeClass.defaults("default")));
    }
    return total;
  }
}
