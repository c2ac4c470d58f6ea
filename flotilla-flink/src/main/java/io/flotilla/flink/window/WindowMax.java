package io.flotilla.flink.window;

import java.time.Instant;

/** The maximum price of one ticker in one sliding window. */
public record WindowMax(long windowEndMillis, String ticker, double maxPrice) {

  /** {@code window_end,ticker,max_price}, window_end as ISO-8601 UTC. */
  public String toCsv() {
    return Instant.ofEpochMilli(windowEndMillis) + "," + ticker + "," + maxPrice;
  }
}
