package io.flotilla.sim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.ScalingBehavior;
import io.flotilla.core.workload.ScalingBehavior.Policy;
import io.flotilla.core.workload.ScalingBehavior.PolicyType;
import io.flotilla.core.workload.ScalingBehavior.Rules;
import io.flotilla.core.workload.ScalingBehavior.Select;
import io.flotilla.sim.cluster.PodCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An HPA with a {@code behavior}: its windows, policies and select policies, as Kubernetes. */
class ScalingBehaviorTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final long HALF_CORE = 500;
  private static final Duration SYNC = Duration.ofSeconds(15);

  private static HorizontalPodAutoscaler hpa(Rules up, Rules down) {
    return new HorizontalPodAutoscaler(
        new Autoscaler("default", "tm", "Deployment/tm", 1, 100, 50, Duration.ofSeconds(300))
            .withBehavior(new ScalingBehavior(up, down)));
  }

  private static Rules pods(int value, int seconds, Duration window) {
    return new Rules(
        window,
        Select.MAX,
        List.of(new Policy(PolicyType.PODS, value, Duration.ofSeconds(seconds))));
  }

  /** Usage that puts {@code running} pods of 500m at {@code percent} of their requests. */
  private static double cores(int running, double percent) {
    return running * 0.5 * percent / 100;
  }

  /** One sync: the HPA's decision for {@code running} pods at {@code percent}; replicas after. */
  private static int sync(HorizontalPodAutoscaler h, int replicas, double percent, Instant at) {
    OptionalInt d =
        h.decide(replicas, new PodCounts(replicas, 0), cores(replicas, percent), HALF_CORE, at);
    return d.orElse(replicas);
  }

  @Test
  void aPodsPolicyAddsAtMostItsValuePerPeriod() {
    HorizontalPodAutoscaler h = hpa(pods(2, 60, Duration.ZERO), ScalingBehavior.defaultScaleDown());
    int replicas = 4;
    List<Integer> seen = new ArrayList<>();
    for (int i = 0; i <= 8; i++) {
      replicas = sync(h, replicas, 400, T0.plus(SYNC.multipliedBy(i)));
      seen.add(replicas);
    }
    // +2 at 0 s, nothing until the first event leaves the 60 s period, +2 at 60 s and at 120 s.
    assertThat(seen).containsExactly(6, 6, 6, 6, 8, 8, 8, 8, 10);
  }

  @Test
  void aScaleUpWindowTakesTheLowestRecommendationWithinIt() {
    HorizontalPodAutoscaler h =
        hpa(
            new Rules(
                Duration.ofSeconds(60), Select.MAX, ScalingBehavior.defaultScaleUp().policies()),
            ScalingBehavior.defaultScaleDown());
    int replicas = 4;
    int i = 0;
    for (; i < 4; i++) {
      replicas = sync(h, replicas, 50, T0.plus(SYNC.multipliedBy(i))); // on target: 4
    }
    // One sync at twice the target: the window still holds recommendations of 4.
    replicas = sync(h, replicas, 100, T0.plus(SYNC.multipliedBy(i++)));
    assertThat(replicas).isEqualTo(4);
    // Sustained: once every recommendation of the last 60 s asks for 8, it scales.
    List<Integer> seen = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      replicas = sync(h, replicas, 100, T0.plus(SYNC.multipliedBy(i++)));
      seen.add(replicas);
    }
    assertThat(seen).containsExactly(4, 4, 8, 8);
  }

  @Test
  void aDisabledScaleDownNeverRemovesReplicas() {
    HorizontalPodAutoscaler h =
        hpa(
            ScalingBehavior.defaultScaleUp(),
            new Rules(
                Duration.ZERO, Select.DISABLED, ScalingBehavior.defaultScaleDown().policies()));
    int replicas = 10;
    for (int i = 0; i < 40; i++) {
      replicas = sync(h, replicas, 5, T0.plus(SYNC.multipliedBy(i)));
    }
    assertThat(replicas).isEqualTo(10);
  }

  @Test
  void theMinSelectPolicyTakesTheSmallerChange() {
    // Pods 4 or 50 %: from 4 replicas Max allows 8, Min only 6.
    List<Policy> both =
        List.of(new Policy(PolicyType.PODS, 4, SYNC), new Policy(PolicyType.PERCENT, 50, SYNC));
    HorizontalPodAutoscaler max =
        hpa(new Rules(Duration.ZERO, Select.MAX, both), ScalingBehavior.defaultScaleDown());
    HorizontalPodAutoscaler min =
        hpa(new Rules(Duration.ZERO, Select.MIN, both), ScalingBehavior.defaultScaleDown());
    assertThat(sync(max, 4, 1000, T0)).isEqualTo(8);
    assertThat(sync(min, 4, 1000, T0)).isEqualTo(6);
  }

  /**
   * Over random load, every scale-up leaves the period ending with it with at most the Pods value
   * of net change (replicas added within it, less those removed), and every scale-down with at
   * least minus its value. Checked from the history of decisions, not with the controller's
   * arithmetic.
   */
  @Test
  void noPeriodEverSeesMoreChangeThanItsPolicyAllows() {
    SplittableRandom random = new SplittableRandom(13);
    for (int trial = 0; trial < 50; trial++) {
      int up = 1 + random.nextInt(5);
      int upPeriod = 15 * (1 + random.nextInt(8));
      int down = 1 + random.nextInt(5);
      int downPeriod = 15 * (1 + random.nextInt(8));
      HorizontalPodAutoscaler h =
          hpa(
              pods(up, upPeriod, Duration.ofSeconds(15L * random.nextInt(4))),
              pods(down, downPeriod, Duration.ofSeconds(15L * random.nextInt(4))));
      List<Instant> times = new ArrayList<>();
      List<Integer> changes = new ArrayList<>();
      int replicas = 1 + random.nextInt(20);
      for (int i = 0; i < 200; i++) {
        Instant at = T0.plus(SYNC.multipliedBy(i));
        int next = sync(h, replicas, 400 * random.nextDouble(), at);
        times.add(at);
        changes.add(next - replicas);
        replicas = next;
        int addedUp = 0;
        int addedDown = 0;
        for (int k = 0; k < times.size(); k++) {
          if (times.get(k).isAfter(at.minusSeconds(upPeriod))) {
            addedUp += changes.get(k);
          }
          if (times.get(k).isAfter(at.minusSeconds(downPeriod))) {
            addedDown += changes.get(k);
          }
        }
        // Kubernetes bounds the change it makes now against the period now ending.
        if (changes.get(changes.size() - 1) > 0) {
          assertThat(addedUp).as("trial %d step %d: %s", trial, i, changes).isLessThanOrEqualTo(up);
        }
        if (changes.get(changes.size() - 1) < 0) {
          assertThat(addedDown)
              .as("trial %d step %d: %s", trial, i, changes)
              .isGreaterThanOrEqualTo(-down);
        }
        assertThat(replicas).isBetween(1, 100);
      }
    }
  }
}
