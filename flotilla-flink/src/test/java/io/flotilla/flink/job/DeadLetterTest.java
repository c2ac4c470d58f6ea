package io.flotilla.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.event.TickerEventJson;
import io.flotilla.flink.event.TickerEventParser;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.TickerEventGenerator;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.testing.ResultAssertions;
import io.flotilla.flink.testing.TestFlink;
import io.flotilla.flink.testing.WrittenOutputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTest {

  /** Bad records and a word their dead-letter reason must contain. */
  private static final Map<String, String> BAD =
      Map.ofEntries(
          Map.entry("{\"EVENT_TIME\":\"2026-01-01T00:00:01Z\",\"TICKER\":\"ABCD\",", "malformed"),
          Map.entry("not json at all", "malformed"),
          Map.entry("[1,2,3]", "not a JSON object"),
          Map.entry("", "not a JSON object"),
          Map.entry("{\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\"m1\"}", "EVENT_TIME"),
          Map.entry(
              "{\"EVENT_TIME\":\"2026-01-01T00:00:02Z\",\"PRICE\":600,\"ID\":\"m2\"}", "TICKER"),
          Map.entry(
              "{\"EVENT_TIME\":\"2026-01-01T00:00:03Z\",\"TICKER\":\"ABCD\",\"PRICE\":\"600\",\"ID\":\"t1\"}",
              "PRICE must be a number"),
          Map.entry(
              "{\"EVENT_TIME\":true,\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\"t2\"}",
              "EVENT_TIME"),
          Map.entry(
              "{\"EVENT_TIME\":\"2026-01-01T00:00:04Z\",\"TICKER\":7,\"PRICE\":600,\"ID\":\"t3\"}",
              "TICKER must be a string"),
          Map.entry(
              "{\"EVENT_TIME\":\"2026-01-01T00:00:05Z\",\"TICKER\":\"ABCD\",\"PRICE\":-5,\"ID\":\"r1\"}",
              "PRICE out of range"),
          Map.entry(
              "{\"EVENT_TIME\":\"yesterday\",\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\"r2\"}",
              "EVENT_TIME is not an ISO-8601"),
          Map.entry(
              "{\"EVENT_TIME\":\"2026-01-01T00:00:06Z\",\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":null}",
              "ID must be a string"));

  @TempDir Path dir;

  @Test
  void everyGoodRecordIsWrittenOnceAndEveryBadOneIsDeadLettered() throws Exception {
    TickerEventGenerator generator = new TickerEventGenerator(GeneratorSettings.withSeed(3));
    List<TickerEvent> good = LongStream.range(0, 2_000).mapToObj(generator::eventAt).toList();
    List<String> input = new ArrayList<>();
    List<String> bad = new ArrayList<>(BAD.keySet());
    for (int i = 0; i < good.size(); i++) {
      input.add(TickerEventJson.write(good.get(i)));
      if (i % 150 == 0 && i / 150 < bad.size()) {
        input.add(bad.get(i / 150));
      }
    }
    assertThat(input).hasSize(good.size() + bad.size());

    PipelineSettings settings = TestFlink.settings(dir.resolve("cp"), Duration.ofSeconds(1));
    Configuration config = TestFlink.configuration(settings);
    Outputs outputs = new Outputs(dir.resolve("out").toUri().toString());
    try (EmbeddedFlink flink = TestFlink.start(config, Optional.empty())) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
      env.setParallelism(settings.parallelism());
      DataStream<ParsedRecord> parsed =
          env.fromData(input)
              .map(new Parse())
              .assignTimestampsAndWatermarks(
                  EventTimeStrategy.of(settings.maxOutOfOrderness(), settings.idleness()));
      FlotillaPipeline.build(parsed, outputs, settings);
      flink.await(flink.submit(env, "dead-letters"), Duration.ofMinutes(2));
    }

    WrittenOutputs written = new WrittenOutputs(outputs);
    ResultAssertions.assertExactlyOnce(written, good);
    ResultAssertions.assertWindowsMatch(written, good, settings.windows());
    Map<String, String> letters =
        written.deadLetters().stream().collect(Collectors.toMap(l -> l[1], l -> l[0]));
    assertThat(letters.keySet()).containsExactlyInAnyOrderElementsOf(BAD.keySet());
    BAD.forEach(
        (raw, word) -> assertThat(letters.get(raw)).as("reason for %s", raw).contains(word));
  }

  private static final class Parse implements MapFunction<String, ParsedRecord> {
    private static final long serialVersionUID = 1L;
    private transient TickerEventParser parser;

    @Override
    public ParsedRecord map(String raw) {
      if (parser == null) {
        parser = new TickerEventParser();
      }
      return parser.parse(raw);
    }
  }
}
