package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.Planning;
import org.junit.jupiter.api.Test;

/** PreferNoSchedule repels pods that do not tolerate it, but never strands them. */
class PreferNoScheduleTest {
  private static final Taint SPOT = new Taint("spotInstance", "true", Effect.PREFER_NO_SCHEDULE);

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
