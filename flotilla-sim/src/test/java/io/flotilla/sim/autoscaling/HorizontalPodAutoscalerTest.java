package io.flotilla.sim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.sim.cluster.PodCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HorizontalPodAutoscalerTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final long HALF_CORE = 500;

  private static Autoscaler hpa(int min, int max, int target) {
    return new Autoscaler(
        "default", "tm", "Deployment/tm", min, max, target, Duration.ofSeconds(300));
  }

  /** Cores that put {@code running} pods of 500m at {@code percent} of their requests. */
  private static double cores(int running, double percent) {
    return running * 0.5 * percent / 100;
  }

  @Test
  void withinTenPercentOfTheTargetNothingChanges() {
    assertThat(ReplicaCalculator.desired(4, 4, 0, cores(4, 38), HALF_CORE, 35, 0.1)).hasValue(4);
    assertThat(ReplicaCalculator.desired(4, 4, 0, cores(4, 32), HALF_CORE, 35, 0.1)).hasValue(4);
  }

  @Test
  void theRecommendationIsTheRunningPodsTimesUtilisationOverTarget() {
    assertThat(ReplicaCalculator.desired(4, 4, 0, cores(4, 70), HALF_CORE, 35, 0.1)).hasValue(8);
    assertThat(ReplicaCalculator.desired(4, 4, 0, cores(4, 10), HALF_CORE, 35, 0.1)).hasValue(2);
  }

  @Test
  void podsNotRunningYetCountAtZeroWhenScalingUp() {
    // 4 running at 70 %, 4 pending: (4 x 70 %) / 8 = 35 %, on target: no change.
    assertThat(ReplicaCalculator.desired(8, 4, 4, cores(4, 70), HALF_CORE, 35, 0.1)).hasValue(8);
    // 4 running at 50 %, 4 pending: 25 % over 8 pods is below the target, so no scale-up (and no
    // scale-down to ceil(4 x 50 / 35) = 6 either: the direction flipped).
    assertThat(ReplicaCalculator.desired(8, 4, 4, cores(4, 50), HALF_CORE, 35, 0.1)).hasValue(8);
    // 4 running at 140 %, 4 pending: 70 % over 8 pods, twice the target: 16.
    assertThat(ReplicaCalculator.desired(8, 4, 4, cores(4, 140), HALF_CORE, 35, 0.1)).hasValue(16);
  }

  @Test
  void withoutARunningPodOrACpuRequestThereIsNoMetric() {
    assertThat(ReplicaCalculator.desired(4, 0, 4, 3, HALF_CORE, 35, 0.1)).isEmpty();
    assertThat(ReplicaCalculator.desired(4, 4, 0, 3, 0, 35, 0.1)).isEmpty();
  }

  @Test
  void scaleUpIsAtOnceUpToTwiceTheReplicasAndTheMaximum() {
    HorizontalPodAutoscaler h = new HorizontalPodAutoscaler(hpa(1, 25, 35));

    // 4 pods at 350 %: 40 wanted; at most max(2 x 4, 4) = 8 in one step.
    assertThat(h.decide(4, new PodCounts(4, 0), cores(4, 350), HALF_CORE, T0)).hasValue(8);
    // 16 pods at 350 %: 160 wanted; the maximum is 25.
    assertThat(h.decide(16, new PodCounts(16, 0), cores(16, 350), HALF_CORE, T0.plusSeconds(15)))
        .hasValue(25);
  }

  @Test
  void scaleDownWaitsUntilTheHighRecommendationLeavesTheStabilisationWindow() {
    HorizontalPodAutoscaler h = new HorizontalPodAutoscaler(hpa(1, 25, 35));
    assertThat(h.decide(8, new PodCounts(8, 0), cores(8, 35), HALF_CORE, T0)).isEmpty();

    for (int s = 15; s <= 300; s += 15) {
      assertThat(h.decide(8, new PodCounts(8, 0), cores(8, 10), HALF_CORE, T0.plusSeconds(s)))
          .as("at %d s", s)
          .isEmpty();
    }
    // The recommendation of 8 made at 0 s is older than 300 s at 315 s: down to ceil(8 x 10/35).
    assertThat(h.decide(8, new PodCounts(8, 0), cores(8, 10), HALF_CORE, T0.plusSeconds(315)))
        .hasValue(3);
  }

  @Test
  void replicasOutsideTheBoundsAreBroughtBackAndATargetAtZeroIsLeftAlone() {
    HorizontalPodAutoscaler h = new HorizontalPodAutoscaler(hpa(2, 10, 35));

    assertThat(h.decide(30, new PodCounts(30, 0), 0, HALF_CORE, T0)).hasValue(10);
    assertThat(h.decide(1, new PodCounts(1, 0), 0, HALF_CORE, T0)).hasValue(2);
    assertThat(h.decide(0, PodCounts.NONE, 0, HALF_CORE, T0)).isEmpty();
  }

  /**
   * Over random usage every 15 s, checked against the rules on their own: replicas stay within
   * min..max, a step up is at most max(2 x current, 4), and no step goes below the highest
   * recommendation of the last 300 s (recomputed here from the running pods' utilisation).
   */
  @Test
  void randomUsageNeverBreaksTheBoundsTheRateLimitOrTheWindow() {
    SplittableRandom random = new SplittableRandom(3);
    for (int run = 0; run < 200; run++) {
      int min = 1 + random.nextInt(3);
      int max = min + random.nextInt(30);
      int target = 20 + random.nextInt(60);
      HorizontalPodAutoscaler h = new HorizontalPodAutoscaler(hpa(min, max, target));
      int current = min + random.nextInt(max - min + 1);
      Deque<long[]> window = new ArrayDeque<>();
      for (int step = 0; step < 200; step++) {
        Instant now = T0.plusSeconds(15L * step);
        double percent = random.nextDouble() * 300;
        PodCounts pods = new PodCounts(current, 0);
        OptionalInt next = h.decide(current, pods, cores(current, percent), HALF_CORE, now);
        int after = next.orElse(current);

        long perPod = (long) Math.floor(cores(current, percent) * 1000 / current);
        double ratio = (perPod * 100 / HALF_CORE) / (double) target;
        int recommendation =
            Math.abs(1 - ratio) <= 0.1 ? current : (int) Math.ceil(ratio * current);
        long cutoff = 15L * step - 300;
        window.removeIf(r -> r[0] < cutoff);
        window.addLast(new long[] {15L * step, recommendation});
        long highest = window.stream().mapToLong(r -> r[1]).max().orElseThrow();

        assertThat(after).isBetween(min, max);
        assertThat(after).isLessThanOrEqualTo(Math.max(Math.max(2 * current, 4), min));
        if (after < current) {
          assertThat((long) after).isGreaterThanOrEqualTo(Math.min(highest, max));
        }
        current = after;
      }
    }
  }
}
