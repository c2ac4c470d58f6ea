package io.flotilla.cli.simulate;

import java.time.Duration;

/** A duration as people write it: 30d, 6h, 1d12h, 90m, 45s. */
final class DurationText {
  private DurationText() {}

  static String of(Duration d) {
    StringBuilder sb = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      sb.append(days).append('d');
    }
    if (d.toHoursPart() > 0) {
      sb.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      sb.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0 || sb.length() == 0) {
      sb.append(d.toSecondsPart()).append('s');
    }
    return sb.toString();
  }
}
