package io.flotilla.flink.generator;

import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.event.Tickers;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The reference event template as a pure function of an index: event {@code i} depends only on the
 * settings and {@code i}, so any range can be replayed after a failure and the same seed gives the
 * same events in any order of generation.
 */
public final class TickerEventGenerator implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> TICKERS = Tickers.REFERENCE;
  private static final int MIN_CENTS = 50_000;
  private static final int CENT_RANGE = 50_001;

  private final GeneratorSettings settings;
  private final long startMillis;

  public TickerEventGenerator(GeneratorSettings settings) {
    this.settings = settings;
    this.startMillis = settings.start().toEpochMilli();
  }

  public TickerEvent eventAt(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    SplittableRandom random = new SplittableRandom(mix(settings.seed() ^ mix(index)));
    long jitter =
        settings.maxDisorderMillis() == 0 ? 0 : random.nextLong(settings.maxDisorderMillis() + 1);
    long time =
        startMillis + Math.multiplyExact(index, 1000L) / settings.eventsPerSecond() - jitter;
    String ticker = TICKERS.get(random.nextInt(TICKERS.size()));
    double price = (MIN_CENTS + random.nextInt(CENT_RANGE)) / 100.0;
    long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new TickerEvent(time, ticker, price, new UUID(high, low).toString());
  }

  public GeneratorSettings settings() {
    return settings;
  }

  /** SplitMix64's finaliser: spreads consecutive inputs over the whole range. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
