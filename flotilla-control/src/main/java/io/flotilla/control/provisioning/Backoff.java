package io.flotilla.control.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off for throttled cloud calls: the first retry after {@code initial}, each next
 * one {@code factor} times later, never later than {@code max}.
 */
public record Backoff(Duration initial, Duration max, double factor) {
  /** One second doubling up to a minute, the shape of the AWS SDK's standard retry mode. */
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 2);

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "back-off needs 0 < initial <= max: " + initial + ", " + max);
    }
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("back-off factor must be at least 1: " + factor);
    }
  }

  /** The wait before retry number {@code retry} (1 for the first). */
  public Duration delay(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1: " + retry);
    }
    double millis = initial.toMillis() * Math.pow(factor, retry - 1);
    return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
  }
}
