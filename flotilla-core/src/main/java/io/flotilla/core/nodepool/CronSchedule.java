package io.flotilla.core.nodepool;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A standard five-field cron schedule (minute, hour, day of month, month, day of week) in UTC, as
 * Karpenter's disruption budgets take it: lists, ranges, steps, month and weekday names, and the
 * {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily} (or {@code @midnight}) and
 * {@code @hourly} macros. When both day fields are restricted a day matching either one matches, as
 * in cron.
 */
public final class CronSchedule {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private CronSchedule(String text, String[] f) {
    this.text = text;
    this.minutes = field(f[0], "minute", 0, 59, List.of(), 0);
    this.hours = field(f[1], "hour", 0, 23, List.of(), 0);
    this.daysOfMonth = field(f[2], "day of month", 1, 31, List.of(), 0);
    this.months = field(f[3], "month", 1, 12, MONTHS, 1);
    BitSet dow = field(f[4], "day of week", 0, 7, DAYS, 0);
    if (dow.get(7)) {
      dow.set(0); // 7 is Sunday too
    }
    this.daysOfWeek = dow;
    this.anyDayOfMonth = f[2].startsWith("*");
    this.anyDayOfWeek = f[4].startsWith("*");
  }

  /** Parses a schedule; the message of a bad one names the field and what is wrong. */
  public static CronSchedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty cron schedule");
    }
    String t = text.trim();
    String expanded = t.startsWith("@") ? MACROS.get(t.toLowerCase(Locale.ROOT)) : t;
    if (expanded == null) {
      throw new IllegalArgumentException("unknown cron macro '" + t + "'");
    }
    String[] fields = expanded.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "cron schedule '" + t + "' has " + fields.length + " fields, expected 5");
    }
    return new CronSchedule(t, fields);
  }

  /** Whether the schedule fires at the minute {@code at} falls in. */
  public boolean firesAt(Instant at) {
    ZonedDateTime m = at.atZone(ZoneOffset.UTC);
    return minutes.get(m.getMinute()) && firesInHourOf(m);
  }

  /** Whether the hour, day and month of {@code t} match (minutes aside). */
  private boolean firesInHourOf(ZonedDateTime t) {
    if (!hours.get(t.getHour()) || !months.get(t.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (anyDayOfMonth || anyDayOfWeek) {
      return dom && dow;
    }
    return dom || dow;
  }

  /**
   * Whether {@code at} is within {@code duration} of a time the schedule fired (inclusive start).
   * Budgets are checked on every disruption pass, so the search goes back hour by hour and looks
   * only at the minutes the schedule names, not at every minute of the window.
   */
  public boolean activeAt(Instant at, Duration duration) {
    ZonedDateTime now = at.atZone(ZoneOffset.UTC);
    ZonedDateTime earliest = now.minus(duration).minusHours(1);
    for (ZonedDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
        hour.isAfter(earliest);
        hour = hour.minusHours(1)) {
      if (!firesInHourOf(hour)) {
        continue;
      }
      for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        ZonedDateTime start = hour.plusMinutes(m);
        if (start.isAfter(now)) {
          break;
        }
        if (now.isBefore(start.plus(duration))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private static BitSet field(
      String text, String name, int min, int max, List<String> names, int base) {
    BitSet out = new BitSet(max + 1);
    for (String item : text.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(item.substring(slash + 1), name, 1, max - min + 1, List.of(), 0);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", -1);
        if (ends.length != 2) {
          throw new IllegalArgumentException("bad range '" + range + "' in the " + name + " field");
        }
        from = number(ends[0], name, min, max, names, base);
        to = number(ends[1], name, min, max, names, base);
        if (to < from) {
          throw new IllegalArgumentException(
              "range '" + range + "' in the " + name + " field runs backwards");
        }
      } else {
        from = number(range, name, min, max, names, base);
        to = slash >= 0 ? max : from;
      }
      for (int v = from; v <= to; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static int number(
      String text, String name, int min, int max, List<String> names, int base) {
    int named = names.indexOf(text.toLowerCase(Locale.ROOT));
    if (named >= 0) {
      return named + base;
    }
    int v;
    try {
      v = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a value of the " + name + " field");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " " + v + " is outside " + min + "-" + max);
    }
    return v;
  }
}
