package io.flotilla.flink.window;

import java.time.Instant;

/** One ticker's statistics over one tumbling window (a minute in the reference job). */
public record MinuteStats(
    long windowStartMillis,
    long windowEndMillis,
    String ticker,
    long count,
    double min,
    double max,
    double average,
    double first,
    double last) {

  public static final String CSV_HEADER =
      "window_start,window_end,ticker,count,min,max,avg,first,last";

  static MinuteStats of(long start, long end, PriceSummary summary) {
    return new MinuteStats(
        start,
        end,
        summary.ticker(),
        summary.count(),
        summary.min(),
        summary.max(),
        summary.average(),
        summary.firstPrice(),
        summary.lastPrice());
  }

  /** {@code window_start,window_end,ticker,count,min,max,avg,first,last}. */
  public String toCsv() {
    return String.join(
        ",",
        Instant.ofEpochMilli(windowStartMillis).toString(),
        Instant.ofEpochMilli(windowEndMillis).toString(),
        ticker,
        Long.toString(count),
        Double.toString(min),
        Double.toString(max),
        Double.toString(average),
        Double.toString(first),
        Double.toString(last));
  }
}
