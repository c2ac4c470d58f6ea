package io.flotilla.flink.event;

import java.time.Instant;

/**
 * Writes epoch milliseconds as ISO-8601 UTC with milliseconds ({@code 2026-01-01T00:00:05.123Z}),
 * reusing the date-and-minute prefix while consecutive instants stay in the same minute (the
 * generator's case), which is several times faster than {@link Instant#toString()}.
 */
final class IsoMillis {

  private static final long MINUTE = 60_000L;
  private long cachedMinute = Long.MIN_VALUE;
  private String cachedPrefix;

  void append(StringBuilder out, long millis) {
    long minute = Math.floorDiv(millis, MINUTE);
    if (minute != cachedMinute) {
      String full = Instant.ofEpochMilli(minute * MINUTE).toString();
      cachedPrefix = full.substring(0, full.indexOf(':', full.indexOf('T') + 4) + 1);
      cachedMinute = minute;
    }
    int inMinute = (int) (millis - minute * MINUTE);
    int seconds = inMinute / 1000;
    int rest = inMinute % 1000;
    out.append(cachedPrefix);
    if (seconds < 10) {
      out.append('0');
    }
    out.append(seconds).append('.');
    if (rest < 100) {
      out.append('0');
    }
    if (rest < 10) {
      out.append('0');
    }
    out.append(rest).append('Z');
  }
}
