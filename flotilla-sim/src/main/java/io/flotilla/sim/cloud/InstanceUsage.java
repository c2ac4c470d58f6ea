package io.flotilla.sim.cloud;

import io.flotilla.core.catalog.Offering;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One instance's time on the bill: from launch to its end (or to now, while it runs). */
public record InstanceUsage(String id, Offering offering, Instant start, Optional<Instant> end) {
  public Duration until(Instant now) {
    Instant stop = end.orElse(now);
    return Duration.between(start, stop.isBefore(start) ? start : stop);
  }

  public double costUntil(Instant now) {
    return offering.pricePerHour() * until(now).toMillis() / 3_600_000.0;
  }

  /** How long the instance ran within {@code [from, to)}. */
  public Duration within(Instant from, Instant to) {
    Instant a = start.isAfter(from) ? start : from;
    Instant stop = end.filter(e -> e.isBefore(to)).orElse(to);
    return a.isBefore(stop) ? Duration.between(a, stop) : Duration.ZERO;
  }

  /** What the instance cost within {@code [from, to)}. */
  public double costWithin(Instant from, Instant to) {
    return offering.pricePerHour() * within(from, to).toMillis() / 3_600_000.0;
  }
}
