package io.flotilla.flink.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.event.TickerEventJson;
import io.flotilla.flink.event.TickerEventParser;
import io.flotilla.flink.event.Tickers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TickerEventGeneratorTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
  void theSameSeedGivesByteIdenticalEventsInAnyOrder(long seed) {
    TickerEventGenerator a = new TickerEventGenerator(GeneratorSettings.withSeed(seed));
    TickerEventGenerator b = new TickerEventGenerator(GeneratorSettings.withSeed(seed));

    List<String> forward = LongStream.range(0, 500).mapToObj(i -> json(a, i)).toList();
    List<String> backward =
        new ArrayList<>(
            LongStream.range(0, 500).map(i -> 499 - i).mapToObj(i -> json(b, i)).toList());
    Collections.reverse(backward);

    assertThat(forward).isEqualTo(backward);
  }

  @Test
  void differentSeedsGiveDifferentEvents() {
    TickerEventGenerator a = new TickerEventGenerator(GeneratorSettings.withSeed(1));
    TickerEventGenerator b = new TickerEventGenerator(GeneratorSettings.withSeed(2));

    assertThat(a.eventAt(0)).isNotEqualTo(b.eventAt(0));
  }

  @Test
  void eventsFollowTheReferenceTemplate() {
    TickerEventGenerator generator = new TickerEventGenerator(GeneratorSettings.withSeed(9));
    Set<String> ids = new HashSet<>();
    Set<String> tickers = new HashSet<>();
    TickerEventParser parser = new TickerEventParser();
    for (long i = 0; i < 20_000; i++) {
      TickerEvent event = generator.eventAt(i);
      assertThat(event.price()).isBetween(500.0, 1000.0);
      assertThat(UUID.fromString(event.id()).version()).isEqualTo(4);
      long nominal = GeneratorSettings.DEFAULT_START.toEpochMilli() + i;
      assertThat(event.eventTimeMillis()).isBetween(nominal - 500, nominal);
      assertThat(parser.parse(TickerEventJson.write(event)).event()).isEqualTo(event);
      ids.add(event.id());
      tickers.add(event.ticker());
    }
    assertThat(ids).hasSize(20_000);
    assertThat(tickers).containsExactlyInAnyOrderElementsOf(Tickers.REFERENCE);
  }

  @Test
  void rejectsSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> new GeneratorSettings(1, Instant.EPOCH, 0, 0))
        .hasMessageContaining("eventsPerSecond");
    assertThatThrownBy(() -> new GeneratorSettings(1, Instant.EPOCH, 10, -1))
        .hasMessageContaining("maxDisorderMillis");
    assertThatThrownBy(() -> GeneratorSource.of(GeneratorSettings.withSeed(1), 0, 0))
        .hasMessageContaining("events must be positive");
  }

  private static String json(TickerEventGenerator generator, long index) {
    return TickerEventJson.write(generator.eventAt(index));
  }
}
