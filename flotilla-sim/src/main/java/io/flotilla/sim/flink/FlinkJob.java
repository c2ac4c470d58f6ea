package io.flotilla.sim.flink;

import io.flotilla.core.pod.Pod;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.sim.cluster.ClusterListener;
import io.flotilla.sim.cluster.PodEnd;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.flink.CheckpointCoordinator.InFlight;
import io.flotilla.sim.metrics.FlinkFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One Flink job in reactive mode, as a fluid model advanced piecewise between events (never per
 * record): input arrives at the traffic curve's rate; while the job runs, its slots process up to
 * their throughput and any backlog drains at the spare throughput; while it does not (restarting,
 * no TaskManager, no JobManager) input piles up. Consumer lag is the backlog over the input rate.
 *
 * <p>The job is submitted when its JobManager first runs (application mode) and runs while a
 * JobManager runs and it has slots. Parallelism is every slot of the TaskManagers running when it
 * (re)starts. A checkpoint takes the job's input position when it is triggered (every interval, the
 * first one a random fraction of an interval after a start, as Flink spreads them) and becomes the
 * restore point when it completes, a checkpoint duration later. Losing a TaskManager the job runs
 * on, or its JobManager, is a failure: the job restarts from the last completed checkpoint after
 * the restart delay and the restore time, and what it processed since that checkpoint's trigger is
 * processed again (recomputed seconds: the processing time since then; the records go back to the
 * backlog). New TaskManagers are taken in by a rescale at the first checkpoint to complete once the
 * cooldown since the last start has passed (Flink 2's rescale on checkpoint), a restart from that
 * checkpoint costing the restore time.
 */
public final class FlinkJob implements ClusterListener {
  private enum State {
    NOT_SUBMITTED,
    WAITING,
    RESTARTING,
    RUNNING
  }

  private final FlinkJobSpec spec;
  private final EventQueue queue;
  private final RandomGenerator random;
  private final RecordFlow flow;
  private final CheckpointCoordinator checkpoints;
  private final MeasuredFigures figures = new MeasuredFigures();
  private final JobPods pods;
  private State state = State.NOT_SUBMITTED;
  private int parallelism;
  private long epoch;
  private Instant startedAt;
  private boolean rescaleWanted;

  public FlinkJob(FlinkJobSpec spec, EventQueue queue, RandomGenerator random) {
    this.spec = spec;
    this.queue = queue;
    this.random = random;
    this.pods = new JobPods(spec);
    this.flow = new RecordFlow(spec, queue.now());
    this.checkpoints = new CheckpointCoordinator(spec.checkpointDuration());
  }

  public FlinkJobSpec spec() {
    return spec;
  }

  // --- what the cluster tells it about its pods ---

  @Override
  public void podBound(Pod pod, Instant at) {
    if (pods.isTaskManager(pod)) {
      advance();
      pods.taskManagerBound(pod);
      if (state == State.RUNNING) {
        rescaleWanted = true;
      } else if (state == State.WAITING) {
        tryStart();
      }
    } else if (pods.isJobManager(pod)) {
      advance();
      pods.jobManagerBound(pod);
      if (state == State.NOT_SUBMITTED) {
        state = State.WAITING;
      }
      if (state == State.WAITING) {
        tryStart();
      }
    }
  }

  @Override
  public void podTerminating(Pod pod, Instant at) {
    gone(pod);
  }

  @Override
  public void podEnded(Pod pod, PodEnd why, Instant at) {
    gone(pod);
  }

  /** A pod of the job stopped (evicted, deleted, or lost with its node); once per pod. */
  private void gone(Pod pod) {
    if (pods.isRunningTaskManager(pod)) {
      advance();
      checkpoints.completeDue(queue.now());
      if (pods.taskManagerGone(pod.id()) && state == State.RUNNING) {
        fail();
      }
      rescaleWanted = state == State.RUNNING && pods.slots() > parallelism;
    } else if (pods.isRunningJobManager(pod)) {
      advance();
      checkpoints.completeDue(queue.now());
      pods.jobManagerGone(pod.id());
      if (!pods.hasJobManager()) {
        if (state == State.RUNNING) {
          fail();
        }
        // Without a JobManager nothing restarts; a new one recovers the job (Kubernetes HA).
        state = State.WAITING;
        epoch++;
      }
    }
  }

  // --- the control plane's checkpoint request ---

  /** Whether one of the job's running TaskManagers is on the node. */
  public boolean runsOn(String node) {
    return pods.anyOn(node);
  }

  /**
   * Takes a checkpoint now, as Flink's REST API triggers one (after the one in flight, if any): the
   * outcome is known at once in virtual time, with the time it takes as its elapsed time.
   */
  public JobCheckpoint checkpointNow(Duration bound) {
    advance();
    String endpoint = "sim://" + spec.namespace() + "/" + spec.name();
    Instant now = queue.now();
    if (state != State.RUNNING) {
      return JobCheckpoint.notCompleted(
          endpoint,
          Optional.of(spec.name()),
          CheckpointOutcome.FAILED,
          "job is not running (" + state.name().toLowerCase(Locale.ROOT) + ")",
          Duration.ZERO);
    }
    long id;
    Instant done;
    InFlight inFlight = checkpoints.inFlight();
    if (inFlight != null && inFlight.triggeredAt().equals(now)) {
      id = inFlight.id();
      done = inFlight.completesAt();
    } else if (inFlight != null) {
      checkpoints.queueRequest();
      id = inFlight.id() + 1;
      done = inFlight.completesAt().plus(spec.checkpointDuration());
    } else {
      InFlight c = trigger();
      id = c.id();
      done = c.completesAt();
    }
    Duration elapsed = Duration.between(now, done);
    if (elapsed.compareTo(bound) > 0) {
      return JobCheckpoint.notCompleted(
          endpoint,
          Optional.of(spec.name()),
          CheckpointOutcome.TIMED_OUT,
          "checkpoint takes " + elapsed + ", longer than " + bound,
          bound);
    }
    return JobCheckpoint.completed(endpoint, spec.name(), id, elapsed);
  }

  // --- what is measured ---

  /** The CPU the TaskManagers used on average since the last call (their metrics window). */
  public double taskManagerCores(Instant now) {
    advance();
    return flow.cores(now);
  }

  public int runningTaskManagers() {
    return pods.runningTaskManagers();
  }

  public double inputRate(Instant at) {
    return flow.inputRate(at);
  }

  public double lagSeconds() {
    advance();
    return flow.lag(inputRate(queue.now()));
  }

  /** The warm-up is over: restarts, recomputation, lag and downtime count from now on. */
  public void startMeasuring() {
    advance();
    figures.startAfresh(flow.lag(inputRate(queue.now())));
  }

  public FlinkFigures figures() {
    advance();
    return figures.figures();
  }

  /** Records processed so far, those processed again included (for tests). */
  double processedRecords() {
    advance();
    return flow.processed();
  }

  /** Records put back to be processed again by restarts (for tests). */
  double replayedRecords() {
    advance();
    return flow.replayed();
  }

  /** Records that arrived since the job was submitted (for tests). */
  double arrivedRecords() {
    advance();
    return flow.arrived();
  }

  double backlogRecords() {
    advance();
    return flow.backlog();
  }

  /** Seconds the job processed (for tests). */
  double busySeconds() {
    advance();
    return flow.busySeconds();
  }

  boolean running() {
    return state == State.RUNNING;
  }

  // --- the job's life ---

  private void tryStart() {
    if (pods.hasJobManager() && pods.slots() > 0) {
      state = State.RESTARTING;
      long at = ++epoch;
      queue.after(spec.restoreTime(), () -> resume(at));
    }
  }

  /** A failure: roll back to the last completed checkpoint and restart after the delay. */
  private void fail() {
    rollBack();
    state = State.RESTARTING;
    long at = ++epoch;
    queue.after(spec.restartDelay().plus(spec.restoreTime()), () -> resume(at));
  }

  /** A rescale onto new TaskManagers from the checkpoint just completed. */
  private void rescale() {
    rollBack();
    state = State.RESTARTING;
    long at = ++epoch;
    queue.after(spec.restoreTime(), () -> resume(at));
  }

  /** A restart: what was processed since the restore point is lost and will be processed again. */
  private void rollBack() {
    figures.restarted(flow.rollBackTo(checkpoints.restorePoint()));
    checkpoints.restartedAt(flow.position());
    rescaleWanted = false;
  }

  private void resume(long at) {
    if (at != epoch) {
      return;
    }
    advance();
    if (!pods.hasJobManager() || pods.slots() == 0) {
      state = State.WAITING;
      return;
    }
    state = State.RUNNING;
    parallelism = pods.slots();
    pods.startOnAll();
    startedAt = queue.now();
    rescaleWanted = false;
    // Flink starts the periodic trigger a random part of an interval after the job starts.
    long interval = spec.checkpointInterval().toMillis();
    queue.after(Duration.ofMillis(random.nextLong(interval)), () -> periodic(at));
  }

  private void periodic(long at) {
    if (at != epoch || state != State.RUNNING) {
      return;
    }
    advance();
    // One checkpoint at a time: a trigger falling while one is in flight is skipped.
    if (checkpoints.inFlight() == null) {
      trigger();
    }
    queue.after(spec.checkpointInterval(), () -> periodic(at));
  }

  private InFlight trigger() {
    InFlight c = checkpoints.trigger(flow.position(), queue.now());
    long at = epoch;
    queue.at(c.completesAt(), () -> completed(at, c.id()));
    return c;
  }

  private void completed(long at, long id) {
    if (at != epoch || !checkpoints.inFlight(id)) {
      return;
    }
    advance();
    if (checkpoints.complete()) {
      trigger();
    } else if (rescaleWanted && !queue.now().isBefore(startedAt.plus(spec.rescaleCooldown()))) {
      rescale();
    }
  }

  /** Brings the fluid model to now: input, processing, backlog, lag and downtime. */
  private void advance() {
    Instant now = queue.now();
    if (state == State.NOT_SUBMITTED) {
      flow.skipTo(now);
      return;
    }
    flow.advanceTo(now, state == State.RUNNING, parallelism, figures);
  }
}
