package io.flotilla.flink.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.cluster.FlinkPlugins;
import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.testing.RestProbe;
import io.flotilla.flink.testing.TestFlink;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.ports.checkpoint.TaskManagerAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestCheckpointBeforeDrainTest {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static EmbeddedFlink flink;
  private static URI rest;
  private JobID job;

  @BeforeAll
  static void startCluster() throws Exception {
    Configuration config =
        TestFlink.configuration(TestFlink.settings(dir.resolve("cp"), Duration.ofHours(1)));
    config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 100);
    flink = EmbeddedFlink.start(config, 2, 1, FlinkPlugins.from(Optional.empty(), config));
    rest = flink.restAddress();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    flink.close();
  }

  @AfterEach
  void cancelJob() throws Exception {
    if (job != null) {
      flink.miniCluster().cancelJob(job).get();
    }
  }

  @Test
  void checkpointsEveryJobWithATaskManagerOnTheWarnedNode() throws Exception {
    job = startJob(record -> record);
    Map<String, List<TaskManagerAddress>> nodes =
        Map.of("node-a", new RestProbe(rest).taskManagers());

    CheckpointReport report = drainer(nodes::get).checkpointWorkloadsOn(warning("node-a"), BOUND);

    assertThat(report.jobs()).hasSize(1);
    JobCheckpoint result = report.jobs().get(0);
    assertThat(result.jobId()).contains(job.toHexString());
    assertThat(result.outcome()).isEqualTo(CheckpointOutcome.COMPLETED);
    assertThat(result.checkpointId()).isPresent();
    assertThat(report.allCompleted()).isTrue();
    assertThat(report.elapsed()).isLessThan(BOUND);
    System.out.println("checkpoint before drain: " + report);
  }

  @Test
  void findsTheJobByTaskManagerHostWhenNoIdIsKnown() throws Exception {
    job = startJob(record -> record);
    Map<String, List<TaskManagerAddress>> nodes =
        Map.of("node-c", List.of(TaskManagerAddress.ofHost("localhost")));

    CheckpointReport report = drainer(nodes::get).checkpointWorkloadsOn(warning("node-c"), BOUND);

    assertThat(report.jobs())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(CheckpointOutcome.COMPLETED));
  }

  @Test
  void reportsNoJobsForANodeWithoutTaskManagersOfAnyJob() throws Exception {
    job = startJob(record -> record);
    Map<String, List<TaskManagerAddress>> nodes =
        Map.of("node-b", List.of(TaskManagerAddress.ofTaskManager("10.1.2.3", "not-a-tm")));

    CheckpointReport report = drainer(nodes::get).checkpointWorkloadsOn(warning("node-b"), BOUND);

    assertThat(report.jobs()).isEmpty();
    assertThat(report.allCompleted()).isTrue();
  }

  @Test
  void reportsAnUnknownJob() {
    JobCheckpoint result =
        drainer(node -> List.of()).checkpoint(rest, new JobID().toHexString(), BOUND);

    System.out.println("unknown job: " + result);
    assertThat(result.outcome()).isEqualTo(CheckpointOutcome.UNKNOWN_JOB);
    assertThat(result.detail()).isPresent();
  }

  @Test
  void reportsACheckpointThatFailsWithItsCause() throws Exception {
    job = startJob(SnapshotBehaviour.failing());

    JobCheckpoint result = drainer(node -> List.of()).checkpoint(rest, job.toHexString(), BOUND);

    System.out.println("failing checkpoint: " + result);
    assertThat(result.outcome()).isEqualTo(CheckpointOutcome.FAILED);
    assertThat(result.detail())
        .hasValueSatisfying(d -> assertThat(d).contains("snapshot refused on purpose"));
  }

  @Test
  void timesOutWhenTheCheckpointTakesLongerThanTheBound() throws Exception {
    job = startJob(SnapshotBehaviour.slow(3_000));
    Duration bound = Duration.ofMillis(500);

    JobCheckpoint result = drainer(node -> List.of()).checkpoint(rest, job.toHexString(), bound);

    System.out.println("slow checkpoint: " + result);
    assertThat(result.outcome()).isEqualTo(CheckpointOutcome.TIMED_OUT);
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(bound).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void stopsAtTheDrainReserveBeforeTheNodeGoesAway() throws Exception {
    job = startJob(SnapshotBehaviour.slow(3_000));
    InterruptionWarning soon =
        new InterruptionWarning(
            "node-a", InterruptionKind.SPOT_INTERRUPTION, Instant.now().plusMillis(30_600));

    CheckpointReport report =
        drainer(Map.of("node-a", new RestProbe(rest).taskManagers())::get)
            .checkpointWorkloadsOn(soon, BOUND);

    assertThat(report.jobs())
        .singleElement()
        .satisfies(r -> assertThat(r.outcome()).isEqualTo(CheckpointOutcome.TIMED_OUT));
    assertThat(report.elapsed()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void reportsAnUnreachableEndpointWithoutThrowing() throws Exception {
    URI down;
    try (ServerSocket socket = new ServerSocket(0)) {
      down = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    RestCheckpointBeforeDrain drainer =
        new RestCheckpointBeforeDrain(
            () -> List.of(down),
            node -> List.of(TaskManagerAddress.ofHost("10.0.0.1")),
            FlinkRestClient.create(Duration.ofSeconds(2)),
            Clock.systemUTC(),
            CheckpointPolling.DEFAULT);

    CheckpointReport report = drainer.checkpointWorkloadsOn(warning("node-a"), BOUND);
    JobCheckpoint single = drainer.checkpoint(down, new JobID().toHexString(), BOUND);

    assertThat(report.jobs())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(CheckpointOutcome.UNREACHABLE);
              assertThat(r.jobId()).isEmpty();
              assertThat(r.endpoint()).isEqualTo(down.toString());
            });
    assertThat(single.outcome()).isEqualTo(CheckpointOutcome.UNREACHABLE);
  }

  private RestCheckpointBeforeDrain drainer(
      io.flotilla.ports.checkpoint.TaskManagerLocator locator) {
    return new RestCheckpointBeforeDrain(
        () -> List.of(rest),
        locator,
        FlinkRestClient.create(Duration.ofSeconds(5)),
        Clock.systemUTC(),
        new CheckpointPolling(Duration.ofMillis(50), Duration.ofSeconds(30)));
  }

  private static InterruptionWarning warning(String node) {
    return new InterruptionWarning(
        node, InterruptionKind.SPOT_INTERRUPTION, Instant.now().plusSeconds(120));
  }

  private JobID startJob(
      org.apache.flink.api.common.functions.MapFunction<ParsedRecord, ParsedRecord> step)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.fromSource(
            GeneratorSource.of(GeneratorSettings.withSeed(1), 100_000_000L, 100),
            WatermarkStrategy.noWatermarks(),
            "generator")
        .map(step)
        .returns(ParsedRecord.class)
        .sinkTo(new DiscardingSink<>());
    JobID id = flink.submit(env, "checkpoint-target");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> flink.status(id) == JobStatus.RUNNING && new RestProbe(rest).allTasksRunning(id));
    return id;
  }
}
