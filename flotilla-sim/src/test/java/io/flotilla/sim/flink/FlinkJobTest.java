package io.flotilla.sim.flink;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.pod.Pod;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.sim.cluster.PodEnd;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FlinkJobTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final String JM = "Job/jm";
  private static final String TM = "Deployment/tm";

  /** Flink's random first-checkpoint delay, drawn as 0: checkpoints at start + 0, 10, 20 s ... */
  private static final RandomGenerator NO_DELAY = () -> 0L;

  /**
   * 2 slots of 1,000 records/s per TaskManager, 1,000 records/s in; checkpoints every 10 s taking 1
   * s; restarts 10 s apart plus 5 s to restore; rescale cooldown 30 s.
   */
  private static FlinkJobSpec spec(Traffic input) {
    return new FlinkJobSpec(
        "default",
        "job",
        JM,
        TM,
        2,
        1_000,
        input,
        1.0,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30));
  }

  /** The job, its queue and its pods, driven by hand. */
  private static final class Harness {
    final EventQueue queue = new EventQueue(T0);
    final FlinkJob job;

    Harness(FlinkJobSpec spec, RandomGenerator random) {
      job = new FlinkJob(spec, queue, random);
    }

    Harness() {
      this(spec(Traffic.constant(1_000)), NO_DELAY);
    }

    void at(double seconds, Runnable action) {
      queue.at(T0.plusMillis(Math.round(seconds * 1000)), action);
    }

    void runTo(double seconds) {
      Instant until = T0.plusMillis(Math.round(seconds * 1000));
      while (queue.runNext(until)) {
        // every action due by then
      }
    }

    Instant now() {
      return queue.now();
    }
  }

  private static Pod tm(int i) {
    return app("tm").owner(TM).boundTo("node-" + i).build(i);
  }

  private static Pod jm() {
    return app("jm").owner(JM).boundTo("node-jm").one();
  }

  /** JobManager and two TaskManagers at 0 s: the job runs from 5 s (restore) with parallelism 4. */
  private static Harness started() {
    Harness h = new Harness();
    h.at(0, () -> h.job.podBound(jm(), h.now()));
    h.at(0, () -> h.job.podBound(tm(1), h.now()));
    h.at(0, () -> h.job.podBound(tm(2), h.now()));
    return h;
  }

  @Test
  void aTaskManagerLostRecomputesWhatWasProcessedSinceTheLastCompletedCheckpointsTrigger() {
    Harness h = started();
    // Checkpoints triggered at 5, 15, 25, 35 s, each complete 1 s later.
    h.at(33, () -> h.job.podTerminating(tm(1), h.now()));
    h.runTo(40);

    assertThat(h.job.figures().restarts()).isEqualTo(1);
    assertThat(h.job.figures().recomputedSeconds()).isCloseTo(33 - 25, within(1e-9));
  }

  @Test
  void aCheckpointStillInFlightDoesNotCountSoTheOneBeforeIsRestoredFrom() {
    Harness h = started();
    h.at(35.5, () -> h.job.podEnded(tm(1), PodEnd.LOST_WITH_NODE, h.now()));
    h.runTo(40);

    assertThat(h.job.figures().recomputedSeconds()).isCloseTo(35.5 - 25, within(1e-9));
  }

  @Test
  void aTaskManagerEvictedAsTheWarningCheckpointCompletesRecomputesOnlyTheCheckpointDuration() {
    Harness h = started();
    List<JobCheckpoint> answers = new ArrayList<>();
    h.at(33, () -> answers.add(h.job.checkpointNow(Duration.ofSeconds(90))));
    // The executor holds the drain for the reported elapsed time: the eviction comes at 34 s.
    h.at(34, () -> h.job.podTerminating(tm(1), h.now()));
    h.runTo(40);

    assertThat(answers)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo(CheckpointOutcome.COMPLETED);
              assertThat(c.elapsed()).isEqualTo(Duration.ofSeconds(1));
            });
    assertThat(h.job.figures().recomputedSeconds()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aCheckpointRequestedWhileOneIsInFlightIsTakenAfterIt() {
    Harness h = started();
    List<JobCheckpoint> answers = new ArrayList<>();
    h.at(35.5, () -> answers.add(h.job.checkpointNow(Duration.ofSeconds(90))));
    h.at(37, () -> h.job.podTerminating(tm(1), h.now()));
    h.runTo(40);

    // The periodic one (35 -> 36) goes first; the requested one is triggered at 36, done at 37.
    assertThat(answers.get(0).elapsed()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(h.job.figures().recomputedSeconds()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void aCheckpointLongerThanTheBoundTimesOutAndAJobNotRunningCannotCheckpoint() {
    Harness h = started();
    List<JobCheckpoint> answers = new ArrayList<>();
    h.at(2, () -> answers.add(h.job.checkpointNow(Duration.ofSeconds(90))));
    h.at(33, () -> answers.add(h.job.checkpointNow(Duration.ofMillis(500))));
    h.runTo(40);

    assertThat(answers.get(0).outcome()).isEqualTo(CheckpointOutcome.FAILED);
    assertThat(answers.get(0).elapsed()).isZero();
    assertThat(answers.get(1).outcome()).isEqualTo(CheckpointOutcome.TIMED_OUT);
    assertThat(answers.get(1).elapsed()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void lagGrowsWhileTheJobIsDownAndDrainsAtTheSpareThroughputAfter() {
    Harness h = started();
    h.at(33, () -> h.job.podTerminating(tm(1), h.now()));
    List<Double> lags = new ArrayList<>();
    for (double t : new double[] {40, 48, 60, 71, 80}) {
      h.at(t, () -> lags.add(h.job.lagSeconds()));
    }
    h.runTo(80);

    // Down from 33 to 48 s (10 s delay + 5 s restore): 15 s of input piles up, plus the 8 s
    // processed since the checkpoint at 25 s, which is processed again.
    assertThat(lags.get(0)).isCloseTo(7 + 8, within(1e-6));
    assertThat(lags.get(1)).isCloseTo(15 + 8, within(1e-6));
    // One TaskManager left: 2,000 records/s against 1,000 in, so 1 s of lag goes per second.
    assertThat(lags.get(2)).isCloseTo(23 - 12, within(1e-6));
    assertThat(lags.get(3)).isCloseTo(0, within(1e-6));
    assertThat(lags.get(4)).isZero();
    assertThat(h.job.figures().maxLagSeconds()).isCloseTo(23, within(1e-6));
    // Submitted at 0 s: down while first deploying (0-5 s) and restarting (33-48 s).
    assertThat(h.job.figures().downtimeSeconds()).isCloseTo(5 + 15, within(1e-6));
  }

  @Test
  void aNewTaskManagerIsTakenInByARescaleAtTheFirstCheckpointAfterTheCooldown() {
    Harness h = started();
    h.at(20, () -> h.job.podBound(tm(3), h.now()));
    h.runTo(60);

    // Started at 5 s, so no rescale before 35 s; the checkpoint triggered at 35 s completes at
    // 36 s: the job restarts from it, processing that 1 s again, and is down for the restore.
    assertThat(h.job.figures().restarts()).isEqualTo(1);
    assertThat(h.job.figures().recomputedSeconds()).isCloseTo(1.0, within(1e-9));
    assertThat(h.job.figures().downtimeSeconds()).isCloseTo(5 + 5, within(1e-6));
  }

  @Test
  void withoutItsJobManagerTheJobNeitherStartsNorRuns() {
    Harness h = new Harness();
    h.at(0, () -> h.job.podBound(tm(1), h.now()));
    h.at(100, () -> h.job.podBound(jm(), h.now()));
    h.at(200, () -> h.job.podTerminating(jm(), h.now()));
    h.runTo(300);

    // Submitted at 100 s, running from 105 to 200 s, then waiting for a JobManager.
    assertThat(h.job.busySeconds()).isCloseTo(95, within(1e-6));
    assertThat(h.job.figures().downtimeSeconds()).isCloseTo(5 + 100, within(1e-6));
    assertThat(h.job.figures().restarts()).isEqualTo(1);
    assertThat(h.job.running()).isFalse();
  }

  @Test
  void theTaskManagersCpuFollowsWhatTheyProcess() {
    Harness h = started();
    List<Double> cores = new ArrayList<>();
    h.at(5, () -> cores.add(h.job.taskManagerCores(h.now())));
    h.at(30, () -> cores.add(h.job.taskManagerCores(h.now())));
    h.runTo(30);

    // 1,000 records/s at 1,000 per slot-core: 1 core, once the first 5 s backlog is done.
    double backlogWork = 5_000 / 1_000.0;
    assertThat(cores.get(1)).isCloseTo((25 + backlogWork) / 25, within(1e-6));
  }

  /**
   * Random lives of a job (TaskManagers coming and going, the JobManager lost and back, warning
   * checkpoints) keep the books: every record that arrived since submission was processed once or
   * is in the backlog (processed - replayed + backlog = arrived, and arrived is the input curve's
   * integral since submission, computed here piece by piece), busy and down time add up to the time
   * since submission, and no restart recomputes more than the job processed.
   */
  @Test
  void theBooksBalanceOverRandomLives() {
    SplittableRandom random = new SplittableRandom(13);
    for (int run = 0; run < 300; run++) {
      double rateFrom = 100 + random.nextInt(5_000);
      double rateTo = 100 + random.nextInt(5_000);
      double rampSeconds = 60 + random.nextInt(600);
      Traffic input = Traffic.ramp(rateFrom, rateTo, Duration.ofSeconds((long) rampSeconds));
      Harness h = new Harness(spec(input), new SplittableRandom(run));
      double submitted = random.nextInt(50);
      h.at(submitted, () -> h.job.podBound(jm(), h.now()));
      int events = 5 + random.nextInt(40);
      List<Integer> up = new ArrayList<>();
      for (int e = 0; e < events; e++) {
        double at = submitted + random.nextInt(900) + random.nextDouble();
        int tm = random.nextInt(6);
        int kind = random.nextInt(10);
        h.at(
            at,
            () -> {
              if (kind < 5) {
                if (!up.contains(tm)) {
                  up.add(tm);
                  h.job.podBound(tm(tm), h.now());
                }
              } else if (kind < 8) {
                if (up.remove((Integer) tm)) {
                  h.job.podTerminating(tm(tm), h.now());
                }
              } else if (kind == 8) {
                h.job.checkpointNow(Duration.ofSeconds(90));
              } else {
                h.job.podTerminating(jm(), h.now());
                h.job.podBound(jm(), h.now());
              }
            });
      }
      double end = submitted + 1_000;
      h.runTo(end);

      double t = end - submitted;
      double arrived = exactArrivals(rateFrom, rateTo, rampSeconds, submitted, end);
      assertThat(h.job.processedRecords() - h.job.replayedRecords() + h.job.backlogRecords())
          .as("run %d", run)
          .isCloseTo(h.job.arrivedRecords(), within(1e-9 * arrived + 1e-6));
      assertThat(h.job.arrivedRecords()).isCloseTo(arrived, within(1e-9 * arrived + 1e-6));
      assertThat(h.job.backlogRecords()).isGreaterThanOrEqualTo(-1e-6);
      assertThat(h.job.busySeconds() + h.job.figures().downtimeSeconds())
          .isCloseTo(t, within(1e-6));
      assertThat(h.job.figures().recomputedSeconds())
          .isLessThanOrEqualTo(h.job.busySeconds() + 1e-9);
    }
  }

  /** The integral of the ramp from {@code a} to {@code b} seconds, piece by piece. */
  private static double exactArrivals(
      double from, double to, double rampSeconds, double a, double b) {
    double rampEnd = Math.min(b, rampSeconds);
    double total = 0;
    if (a < rampEnd) {
      double ra = from + (to - from) * a / rampSeconds;
      double rb = from + (to - from) * rampEnd / rampSeconds;
      total += (ra + rb) / 2 * (rampEnd - a);
    }
    total += to * (b - Math.max(a, rampEnd));
    return total;
  }
}
