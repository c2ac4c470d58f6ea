package io.flotilla.flink.window;

import io.flotilla.flink.event.TickerEvent;

/**
 * A mergeable summary of one ticker's prices over some span: count, min, max, sum, and the first
 * and last price by event time (ties broken by event id, so merging in any order gives the same
 * result).
 */
public record PriceSummary(
    String ticker,
    long count,
    double min,
    double max,
    double sum,
    long firstTime,
    String firstId,
    double firstPrice,
    long lastTime,
    String lastId,
    double lastPrice) {

  public static PriceSummary of(TickerEvent event) {
    return new PriceSummary(
        event.ticker(),
        1,
        event.price(),
        event.price(),
        event.price(),
        event.eventTimeMillis(),
        event.id(),
        event.price(),
        event.eventTimeMillis(),
        event.id(),
        event.price());
  }

  public PriceSummary merge(PriceSummary other) {
    boolean firstIsOther = before(other.firstTime, other.firstId, firstTime, firstId);
    boolean lastIsOther = before(lastTime, lastId, other.lastTime, other.lastId);
    return new PriceSummary(
        ticker,
        count + other.count,
        Math.min(min, other.min),
        Math.max(max, other.max),
        sum + other.sum,
        firstIsOther ? other.firstTime : firstTime,
        firstIsOther ? other.firstId : firstId,
        firstIsOther ? other.firstPrice : firstPrice,
        lastIsOther ? other.lastTime : lastTime,
        lastIsOther ? other.lastId : lastId,
        lastIsOther ? other.lastPrice : lastPrice);
  }

  public double average() {
    return sum / count;
  }

  private static boolean before(long time, String id, long otherTime, String otherId) {
    return time < otherTime || (time == otherTime && id.compareTo(otherId) < 0);
  }
}
