package io.flotilla.flink.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses ISO-8601 instants with an error naming the option. */
final class Instants {

  private Instants() {}

  static Instant parse(String option, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, was '" + text + "'",
          e);
    }
  }
}
