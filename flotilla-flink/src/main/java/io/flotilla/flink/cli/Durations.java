package io.flotilla.flink.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 10s}, {@code 500ms}, {@code 2m}, or ISO-8601 {@code PT10S}. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String option, String text) {
    Matcher m = SHORT.matcher(text.trim());
    if (m.matches()) {
      long value = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(value);
        case "s" -> Duration.ofSeconds(value);
        case "m" -> Duration.ofMinutes(value);
        default -> Duration.ofHours(value);
      };
    }
    try {
      return Duration.parse(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          option + " must be a duration such as 10s, 500ms or 2m, was '" + text + "'", e);
    }
  }
}
