package io.flotilla.kube.manifest.values;

import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Karpenter writes them: Go's format ("168h", "1h30m", "60s", "0s") or "Never"
 * (returned as null: no limit).
 */
public final class GoDuration {
  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** Parses a duration; "Never" gives null; null text gives {@code absent}. */
  public static Duration parse(FieldPath at, String text, Duration absent) {
    if (text == null) {
      return absent;
    }
    if (text.equals("Never")) {
      return null;
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(text);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      nanos =
          nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      end = m.end();
    }
    if (end == 0 || end != text.length()) {
      throw new FieldError(
          at, "invalid duration '" + text + "' (expected e.g. 30s, 10m, 168h, 1h30m or Never)");
    }
    return Duration.ofNanos(nanos.longValue());
  }
}
