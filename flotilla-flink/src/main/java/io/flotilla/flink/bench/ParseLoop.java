package io.flotilla.flink.bench;

import io.flotilla.flink.event.TickerEventJson;
import io.flotilla.flink.event.TickerEventParser;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.TickerEventGenerator;

/**
 * The upper bound: a plain loop on one thread that only parses (and validates) the same JSON
 * records with the same Jackson-based parser the job uses. Reported as the best of several timed
 * rounds after warm-up, so the bound is not understated.
 */
public final class ParseLoop {

  private static final int WARMUP_PASSES = 3;
  private static final int PASSES_PER_ROUND = 2;

  private ParseLoop() {}

  /** Records per second on one core: the best of {@code rounds} timed rounds. */
  public static double recordsPerSecond(GeneratorSettings settings, int records, int rounds) {
    TickerEventGenerator generator = new TickerEventGenerator(settings);
    TickerEventJson writer = new TickerEventJson();
    String[] json = new String[records];
    for (int i = 0; i < records; i++) {
      json[i] = writer.toJson(generator.eventAt(i));
    }
    TickerEventParser parser = new TickerEventParser();
    for (int i = 0; i < WARMUP_PASSES; i++) {
      requireAllValid(parser, json);
    }
    double best = 0;
    for (int round = 0; round < rounds; round++) {
      long started = System.nanoTime();
      for (int pass = 0; pass < PASSES_PER_ROUND; pass++) {
        requireAllValid(parser, json);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      best = Math.max(best, (double) records * PASSES_PER_ROUND / seconds);
    }
    return best;
  }

  private static void requireAllValid(TickerEventParser parser, String[] json) {
    for (String record : json) {
      if (!parser.parse(record).isValid()) {
        throw new IllegalStateException("a generated record failed to parse: " + record);
      }
    }
  }
}
