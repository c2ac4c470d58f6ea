package io.flotilla.sim.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated cloud behaves.
 *
 * @param launchesPerSecond launches the API accepts per second on average (EC2's request rate
 *     limiting is a token bucket); more are throttled
 * @param launchBurst launches it accepts at once when the bucket is full
 * @param readyMin shortest time from launch to a ready node
 * @param readyMax longest (drawn uniformly in between; typical EKS nodes: 30-90 s)
 * @param spotCapacityPerPool Spot instances one capacity pool (type x zone) can hold at once;
 *     beyond, launches fail with insufficient capacity
 * @param interruptionScale factor on every capacity pool's monthly reclaim rate (1: the Spot
 *     Advisor band's midpoint; 0: no random interruptions)
 * @param notice time from a Spot interruption warning to the instance's end (AWS: 2 minutes)
 * @param rebalanceLead how long before the warning a rebalance recommendation comes (zero: with it)
 */
public record CloudSettings(
    double launchesPerSecond,
    int launchBurst,
    Duration readyMin,
    Duration readyMax,
    int spotCapacityPerPool,
    double interruptionScale,
    Duration notice,
    Duration rebalanceLead) {
  public static final CloudSettings DEFAULT =
      new CloudSettings(
          10,
          100,
          Duration.ofSeconds(30),
          Duration.ofSeconds(90),
          1_000,
          1,
          Duration.ofMinutes(2),
          Duration.ofMinutes(3));

  public CloudSettings {
    Objects.requireNonNull(readyMin, "readyMin");
    Objects.requireNonNull(readyMax, "readyMax");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(rebalanceLead, "rebalanceLead");
    if (!(launchesPerSecond > 0) || launchBurst < 1) {
      throw new IllegalArgumentException("launch rate and burst must be positive");
    }
    if (readyMax.compareTo(readyMin) < 0 || readyMin.isNegative()) {
      throw new IllegalArgumentException("ready latency: need 0 <= min <= max");
    }
    if (spotCapacityPerPool < 0 || interruptionScale < 0) {
      throw new IllegalArgumentException("capacity and interruption scale must not be negative");
    }
  }

  public CloudSettings withInterruptionScale(double scale) {
    return new CloudSettings(
        launchesPerSecond,
        launchBurst,
        readyMin,
        readyMax,
        spotCapacityPerPool,
        scale,
        notice,
        rebalanceLead);
  }
}
