package io.flotilla.flink.testing;

import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.window.WindowSpec;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job's results computed directly from the events, without Flink: event-time sliding maxima and
 * tumbling statistics, every window of a bounded input fired.
 */
public final class ExpectedResults {

  private ExpectedResults() {}

  /** Window key {@code windowEnd,ticker} to the maximum price. */
  public static Map<String, Double> slidingMaxima(Collection<TickerEvent> events, WindowSpec spec) {
    long size = spec.size().toMillis();
    long slide = spec.slide().toMillis();
    Map<String, Double> maxima = new TreeMap<>();
    for (TickerEvent event : events) {
      long lastStart = Math.floorDiv(event.eventTimeMillis(), slide) * slide;
      for (long start = lastStart; start > event.eventTimeMillis() - size; start -= slide) {
        maxima.merge(key(start + size, event.ticker()), event.price(), Math::max);
      }
    }
    return maxima;
  }

  /** Window key {@code windowStart,ticker} to the statistics. */
  public static Map<String, Stats> minuteStats(Collection<TickerEvent> events, WindowSpec spec) {
    long size = spec.statsWindow().toMillis();
    Map<String, Stats> stats = new TreeMap<>();
    for (TickerEvent event : events) {
      long start = Math.floorDiv(event.eventTimeMillis(), size) * size;
      stats.merge(key(start, event.ticker()), Stats.of(event), Stats::merge);
    }
    return stats;
  }

  public static String key(long windowMillis, String ticker) {
    return java.time.Instant.ofEpochMilli(windowMillis) + "," + ticker;
  }

  /** Count, min, max, sum and first/last price (by time, then id) of one window. */
  public record Stats(
      long count,
      double min,
      double max,
      double sum,
      long firstTime,
      String firstId,
      double first,
      long lastTime,
      String lastId,
      double last) {

    static Stats of(TickerEvent e) {
      return new Stats(
          1,
          e.price(),
          e.price(),
          e.price(),
          e.eventTimeMillis(),
          e.id(),
          e.price(),
          e.eventTimeMillis(),
          e.id(),
          e.price());
    }

    Stats merge(Stats o) {
      boolean otherFirst =
          o.firstTime < firstTime || (o.firstTime == firstTime && o.firstId.compareTo(firstId) < 0);
      boolean otherLast =
          o.lastTime > lastTime || (o.lastTime == lastTime && o.lastId.compareTo(lastId) > 0);
      return new Stats(
          count + o.count,
          Math.min(min, o.min),
          Math.max(max, o.max),
          sum + o.sum,
          otherFirst ? o.firstTime : firstTime,
          otherFirst ? o.firstId : firstId,
          otherFirst ? o.first : first,
          otherLast ? o.lastTime : lastTime,
          otherLast ? o.lastId : lastId,
          otherLast ? o.last : last);
    }

    public double average() {
      return sum / count;
    }
  }
}
