package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.Planning;
import org.junit.jupiter.api.Test;

/** A pool's hard taints keep intolerant pods off its nodes; soft ones do not. */
class TaintsAndTolerationsTest {
  private static final Taint GPU = new Taint("nvidia.com/gpu", "present", Effect.NO_SCHEDULE);

  @Test
  void anIntolerantPodNeverLandsOnATaintedPool() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.newNodes()).isEmpty();
    assertThat(result.reason("web-0")).contains("taint").contains("nvidia.com/gpu");
  }

  @Test
  void anEqualTolerationAdmitsThePod() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU))
            .pods(
                app("train")
                    .requests("1", "1Gi")
                    .tolerate(Toleration.equal("nvidia.com/gpu", "present", Effect.NO_SCHEDULE))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("train-0").nodePool()).isEqualTo("gpu");
  }

  @Test
  void anExistsTolerationOnTheKeyAdmitsThePod() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU))
            .pods(
                app("train")
                    .requests("1", "1Gi")
                    .tolerate(new Toleration("nvidia.com/gpu", true, null, null))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("train-0").nodePool()).isEqualTo("gpu");
  }

  @Test
  void aTolerationForAnotherEffectDoesNotAdmitThePod() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU))
            .pods(
                app("train")
                    .requests("1", "1Gi")
                    .tolerate(Toleration.equal("nvidia.com/gpu", "present", Effect.NO_EXECUTE))
                    .replicas(1))
            .plan();

    assertThat(result.reason("train-0")).contains("taint");
  }

  @Test
  void aNoExecuteTaintBlocksLikeNoSchedule() {
    var result =
        Planning.request()
            .pool(pool("quarantine", 10).taint(new Taint("bad", "", Effect.NO_EXECUTE)))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("web-0")).contains("taint bad:NoExecute");
  }

  @Test
  void aPreferNoScheduleTaintDoesNotBlock() {
    var result =
        Planning.request()
            .pool(pool("soft", 10).taint(new Taint("cost", "high", Effect.PREFER_NO_SCHEDULE)))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.nodeOf("web-0").nodePool()).isEqualTo("soft");
  }

  @Test
  void aWildcardTolerationAdmitsEveryTaint() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU).taint(new Taint("other", "x", Effect.NO_EXECUTE)))
            .pods(
                app("agent")
                    .requests("1", "1Gi")
                    .tolerate(new Toleration("", true, null, null))
                    .replicas(1))
            .plan();

    assertThat(result.nodeOf("agent-0").nodePool()).isEqualTo("gpu");
  }

  @Test
  void everyTaintOfThePoolMustBeTolerated() {
    var result =
        Planning.request()
            .pool(pool("gpu", 10).taint(GPU).taint(new Taint("team", "ml", Effect.NO_SCHEDULE)))
            .pods(
                app("train")
                    .requests("1", "1Gi")
                    .tolerate(Toleration.equal("nvidia.com/gpu", "present", Effect.NO_SCHEDULE))
                    .replicas(1))
            .plan();

    assertThat(result.reason("train-0")).contains("team=ml:NoSchedule");
  }
}
