package io.flotilla.flink.cli;

import java.nio.file.Path;

/** Turns a plain directory into a {@code file://} URI; leaves URIs with a scheme alone. */
final class OutputUris {

  private OutputUris() {}

  static String normalize(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("an output location must not be blank");
    }
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return location;
    }
    return Path.of(location).toAbsolutePath().normalize().toUri().toString();
  }
}
