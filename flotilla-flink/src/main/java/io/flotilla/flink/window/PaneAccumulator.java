package io.flotilla.flink.window;

import io.flotilla.flink.event.TickerEvent;

/**
 * The running summary of one open pane, updated in place per event (no allocation per event); it
 * becomes an immutable {@link PriceSummary} when the pane is emitted. Same rules as {@link
 * PriceSummary#merge}: first and last by event time, ties broken by id.
 */
final class PaneAccumulator {

  private final String ticker;
  private long count;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double sum;
  private long firstTime = Long.MAX_VALUE;
  private String firstId;
  private double firstPrice;
  private long lastTime = Long.MIN_VALUE;
  private String lastId;
  private double lastPrice;

  PaneAccumulator(String ticker) {
    this.ticker = ticker;
  }

  void add(TickerEvent event) {
    double price = event.price();
    long time = event.eventTimeMillis();
    count++;
    min = Math.min(min, price);
    max = Math.max(max, price);
    sum += price;
    if (time < firstTime || (time == firstTime && event.id().compareTo(firstId) < 0)) {
      firstTime = time;
      firstId = event.id();
      firstPrice = price;
    }
    if (time > lastTime || (time == lastTime && event.id().compareTo(lastId) > 0)) {
      lastTime = time;
      lastId = event.id();
      lastPrice = price;
    }
  }

  PriceSummary toSummary() {
    return new PriceSummary(
        ticker, count, min, max, sum, firstTime, firstId, firstPrice, lastTime, lastId, lastPrice);
  }
}
