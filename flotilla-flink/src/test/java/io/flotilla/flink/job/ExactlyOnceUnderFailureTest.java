package io.flotilla.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.generator.TickerEventGenerator;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.testing.Interruptions;
import io.flotilla.flink.testing.ResultAssertions;
import io.flotilla.flink.testing.TestFlink;
import io.flotilla.flink.testing.WrittenOutputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceUnderFailureTest {

  private static final long EVENTS = 60_000;

  @TempDir Path dir;

  @Test
  void everyEventIsWrittenOnceAndWindowsMatchDespiteTwoTaskManagerKills() throws Exception {
    GeneratorSettings generator = GeneratorSettings.withSeed(7);
    PipelineSettings settings = TestFlink.settings(dir.resolve("cp"), Duration.ofSeconds(1));
    Configuration config = TestFlink.configuration(settings);
    Outputs outputs = new Outputs(dir.resolve("out").toUri().toString());
    WrittenOutputs written = new WrittenOutputs(outputs);

    int kills;
    try (EmbeddedFlink flink = TestFlink.start(config, Optional.empty())) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
      FlotillaPipeline.build(
          env, GeneratorSource.of(generator, EVENTS, 6_000), "generator", outputs, settings);
      JobID job = flink.submit(env, "exactly-once");
      kills = Interruptions.killAt(flink, job, written::rawCount, EVENTS, 0.25, 0.6);
      flink.await(job, Duration.ofMinutes(3));
    }

    TickerEventGenerator events = new TickerEventGenerator(generator);
    List<TickerEvent> expected = LongStream.range(0, EVENTS).mapToObj(events::eventAt).toList();
    assertThat(kills).isEqualTo(2);
    ResultAssertions.assertExactlyOnce(written, expected);
    ResultAssertions.assertWindowsMatch(written, expected, settings.windows());
    assertThat(written.deadLetters()).isEmpty();
  }
}
