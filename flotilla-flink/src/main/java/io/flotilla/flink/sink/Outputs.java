package io.flotilla.flink.sink;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the job writes, under one base URI ({@code file:///...} or {@code s3://bucket/prefix}).
 *
 * @param base the base URI, without a trailing slash
 */
public record Outputs(String base) implements Serializable {

  public static final String WINDOW_MAX = "window-max";
  public static final String MINUTE_STATS = "minute-stats";
  public static final String RAW_EVENTS = "raw-events";
  public static final String DEAD_LETTERS = "dead-letters";

  public Outputs {
    Objects.requireNonNull(base, "base");
    if (base.isBlank()) {
      throw new IllegalArgumentException("output base must not be blank");
    }
    while (base.endsWith("/") && base.length() > 1) {
      base = base.substring(0, base.length() - 1);
    }
  }

  public String windowMax() {
    return base + "/" + WINDOW_MAX;
  }

  public String minuteStats() {
    return base + "/" + MINUTE_STATS;
  }

  public String rawEvents() {
    return base + "/" + RAW_EVENTS;
  }

  public String deadLetters() {
    return base + "/" + DEAD_LETTERS;
  }
}
