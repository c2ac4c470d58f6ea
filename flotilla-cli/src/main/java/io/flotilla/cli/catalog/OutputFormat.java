package io.flotilla.cli.catalog;

import java.util.Locale;
import java.util.Optional;

/** How instance-types prints: aligned columns for people, or JSON for programs. */
enum OutputFormat {
  TABLE,
  JSON;

  static Optional<OutputFormat> parse(String text) {
    for (OutputFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
