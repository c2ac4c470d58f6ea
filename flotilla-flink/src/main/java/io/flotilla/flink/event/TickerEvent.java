package io.flotilla.flink.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One ticker event of the reference template: {@code EVENT_TIME}, {@code TICKER}, {@code PRICE},
 * {@code ID}.
 *
 * @param eventTimeMillis when the event happened, epoch milliseconds (UTC)
 * @param ticker the instrument, e.g. {@code ABCD}
 * @param price the price, positive
 * @param id the event's unique id (a UUID in generated data)
 */
public record TickerEvent(long eventTimeMillis, String ticker, double price, String id) {

  public TickerEvent {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(id, "id");
  }

  public Instant eventTime() {
    return Instant.ofEpochMilli(eventTimeMillis);
  }
}
