package io.flotilla.flink.generator;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What the data generator makes: the same settings always give the same events, byte for byte.
 *
 * @param seed the random seed
 * @param start the event time of event 0 (before jitter)
 * @param eventsPerSecond how densely events are spread over event time
 * @param maxDisorderMillis events are moved back in time by up to this much, so they arrive out of
 *     order as real streams do (0 for strictly ordered)
 */
public record GeneratorSettings(
    long seed, Instant start, long eventsPerSecond, long maxDisorderMillis)
    implements Serializable {

  /** The default start: a fixed instant, so runs are reproducible without saying when. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  public GeneratorSettings {
    Objects.requireNonNull(start, "start");
    if (eventsPerSecond <= 0) {
      throw new IllegalArgumentException(
          "eventsPerSecond must be positive, was " + eventsPerSecond);
    }
    if (maxDisorderMillis < 0) {
      throw new IllegalArgumentException(
          "maxDisorderMillis must not be negative, was " + maxDisorderMillis);
    }
  }

  public static GeneratorSettings withSeed(long seed) {
    return new GeneratorSettings(seed, DEFAULT_START, 1000, 500);
  }
}
