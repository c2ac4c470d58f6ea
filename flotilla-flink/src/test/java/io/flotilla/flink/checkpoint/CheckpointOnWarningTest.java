package io.flotilla.flink.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.generator.TickerEventGenerator;
import io.flotilla.flink.job.EventTimeStrategy;
import io.flotilla.flink.job.FlotillaPipeline;
import io.flotilla.flink.job.PipelineSettings;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.testing.ReplayProbe;
import io.flotilla.flink.testing.RestProbe;
import io.flotilla.flink.testing.ResultAssertions;
import io.flotilla.flink.testing.TestFlink;
import io.flotilla.flink.testing.WrittenOutputs;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.checkpoint.TaskManagerAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With checkpoints every 10 s (the reference interval), a TaskManager killed mid-interval makes the
 * job replay everything since the last checkpoint; a checkpoint triggered on the interruption
 * warning, just before the kill, leaves almost nothing to replay.
 */
class CheckpointOnWarningTest {

  private static final long EVENTS = 72_000;
  private static final double RATE = 4_000;
  private static final Duration KILL_AFTER_CHECKPOINT = Duration.ofSeconds(4);
  private static final long EXPECTED_REPLAY = (long) (RATE * 4);

  @TempDir Path dir;

  @Test
  void aCheckpointOnTheWarningShrinksTheReplayAfterTheKill() throws Exception {
    long replayedWithout = runWithKill(dir.resolve("without"), false);
    long replayedWith = runWithKill(dir.resolve("with"), true);

    System.out.printf(
        "Replayed after the kill: %,d records without a checkpoint on the warning, %,d with it"
            + " (%d events at %.0f/s, checkpoints every 10 s, kill %d s after the first one)%n",
        replayedWithout, replayedWith, EVENTS, RATE, KILL_AFTER_CHECKPOINT.toSeconds());
    assertThat(replayedWithout).isGreaterThan(EXPECTED_REPLAY / 2);
    assertThat(replayedWith).isLessThan(replayedWithout / 4);
  }

  private long runWithKill(Path run, boolean checkpointOnWarning) throws Exception {
    Path probe = Files.createDirectories(run.resolve("probe"));
    GeneratorSettings generator = GeneratorSettings.withSeed(11);
    PipelineSettings settings = TestFlink.settings(run.resolve("cp"), Duration.ofSeconds(10));
    Configuration config = TestFlink.configuration(settings);
    Outputs outputs = new Outputs(run.resolve("out").toUri().toString());
    try (EmbeddedFlink flink = TestFlink.start(config, Optional.empty())) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
      env.setParallelism(settings.parallelism());
      DataStream<ParsedRecord> input =
          env.fromSource(
                  GeneratorSource.of(generator, EVENTS, RATE),
                  EventTimeStrategy.of(settings.maxOutOfOrderness(), settings.idleness()),
                  "generator")
              .map(new ReplayProbe(probe))
              .name("replay probe");
      FlotillaPipeline.build(input, outputs, settings);
      JobID job = flink.submit(env, "checkpoint-on-warning");

      RestProbe rest = new RestProbe(flink.restAddress());
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> rest.completedCheckpoints(job) >= 1);
      Thread.sleep(KILL_AFTER_CHECKPOINT.toMillis());
      if (checkpointOnWarning) {
        CheckpointReport report = checkpointBeforeDrain(flink);
        assertThat(report.jobs())
            .singleElement()
            .satisfies(r -> assertThat(r.outcome()).isEqualTo(CheckpointOutcome.COMPLETED));
      }
      flink.killTaskManager();
      flink.startTaskManager();
      flink.await(job, Duration.ofMinutes(2));
    }
    TickerEventGenerator events = new TickerEventGenerator(generator);
    List<TickerEvent> expected = LongStream.range(0, EVENTS).mapToObj(events::eventAt).toList();
    ResultAssertions.assertExactlyOnce(new WrittenOutputs(outputs), expected);
    return ReplayProbe.processed(probe) - EVENTS;
  }

  private static CheckpointReport checkpointBeforeDrain(EmbeddedFlink flink) throws Exception {
    RestCheckpointBeforeDrain drainer =
        new RestCheckpointBeforeDrain(
            () -> List.of(uncheckedRest(flink)),
            node -> List.of(TaskManagerAddress.ofHost("localhost")),
            FlinkRestClient.create(Duration.ofSeconds(5)),
            Clock.systemUTC(),
            new CheckpointPolling(Duration.ofMillis(20), Duration.ofSeconds(30)));
    InterruptionWarning warning =
        new InterruptionWarning(
            "spot-node-1", InterruptionKind.SPOT_INTERRUPTION, Instant.now().plusSeconds(120));
    return drainer.checkpointWorkloadsOn(warning, Duration.ofSeconds(60));
  }

  private static java.net.URI uncheckedRest(EmbeddedFlink flink) {
    try {
      return flink.restAddress();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
