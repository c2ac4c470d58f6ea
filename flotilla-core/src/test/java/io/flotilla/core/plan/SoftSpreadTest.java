package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.testing.Planning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code whenUnsatisfiable: ScheduleAnyway} is a preference: honoured while nodes can be had, and
 * given up, as Karpenter and kube-scheduler do, rather than leaving pods pending.
 */
class SoftSpreadTest {
  private static final String HOSTNAME = WellKnownLabels.HOSTNAME;

  @Test
  void aSoftHostnameSpreadIsRelaxedWhenThePoolLimitAllowsOnlyTwoNodes() {
    var result =
        Planning.request()
            .pool(
                pool("small", 0)
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge")
                    .limit("cpu", "8"))
            .pods(soft(app("web").requests("500m", "1Gi").replicas(6), HOSTNAME))
            .plan();

    assertThat(result.placed()).isEqualTo(6);
    assertThat(result.plan().unschedulable()).isEmpty();
    assertThat(result.newNodes()).hasSize(2);
  }

  @Test
  void aSoftHostnameSpreadIsHonouredWhileNodesCanBeHad() {
    var result =
        Planning.request()
            .pool(pool("small", 0).require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge"))
            .pods(soft(app("web").requests("500m", "1Gi").replicas(4), HOSTNAME))
            .plan();

    assertThat(result.newNodes()).hasSize(4).allSatisfy(n -> assertThat(n.pods()).hasSize(1));
  }

  @Test
  void aHardHostnameSpreadIsNeverRelaxed() {
    var result =
        Planning.request()
            .pool(
                pool("small", 0)
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge")
                    .limit("cpu", "8"))
            .pods(app("web").requests("500m", "1Gi").spread(HOSTNAME, 1, null).replicas(6))
            .plan();

    assertThat(result.placed()).isEqualTo(2);
    assertThat(result.plan().unschedulable()).hasSize(4);
  }

  @Test
  void aSoftZoneSpreadIsRelaxedWhenAZoneCannotBeReached() {
    // The pool reaches one zone only through its limit: three zones exist, the limit allows one
    // m5.xlarge, so an even split is impossible and the spread gives way.
    var result =
        Planning.request()
            .pool(
                pool("small", 0)
                    .require(WellKnownLabels.INSTANCE_TYPE, "m5.xlarge")
                    .limit("cpu", "4"))
            .pods(soft(app("web").requests("500m", "1Gi").replicas(6), WellKnownLabels.ZONE))
            .plan();

    assertThat(result.placed()).isEqualTo(6);
    assertThat(result.countBy(WellKnownLabels.ZONE)).hasSize(1).containsValue(6);
  }

  /** The pods with a ScheduleAnyway spread (maxSkew 1) over the key, selecting their own app. */
  private static List<Pod> soft(List<Pod> pods, String key) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods) {
      TopologySpread s =
          new TopologySpread(
              key,
              1,
              false,
              new LabelSelector(Map.of("app", p.labels().get("app")), List.of()),
              null);
      List<TopologySpread> spreads = new ArrayList<>(p.topologySpread());
      spreads.add(s);
      out.add(
          new Pod(
              p.id(),
              p.labels(),
              p.requests(),
              p.nodeAffinity(),
              p.tolerations(),
              spreads,
              p.antiAffinity(),
              p.affinity(),
              p.architectures(),
              p.hostPorts(),
              p.owner(),
              p.nodeName()));
    }
    return out;
  }
}
