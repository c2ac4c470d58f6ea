package io.flotilla.sim.flink;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.sim.cluster.ClusterListener;
import io.flotilla.sim.cluster.PodEnd;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.metrics.FlinkFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
  /** Longest step of the fluid model (arrivals are exact; the backlog is updated this often). */
  private static final Duration MAX_STEP = Duration.ofSeconds(10);

  private enum State {
    NOT_SUBMITTED,
    WAITING,
    RESTARTING,
    RUNNING
  }

  /** Where the job's counters stood at an instant (a checkpoint's position). */
  private record Position(double processed, double busySeconds) {}

  /** A checkpoint triggered and not completed yet. */
  private record InFlight(long id, Position position, Instant triggeredAt, Instant completesAt) {}

  private final FlinkJobSpec spec;
  private final EventQueue queue;
  private final RandomGenerator random;
  private final Instant start;
  private final Map<PodId, String> taskManagers = new TreeMap<>();
  private final Set<PodId> inJob = new HashSet<>();
  private final Set<PodId> jobManagers = new HashSet<>();
  private State state = State.NOT_SUBMITTED;
  private int parallelism;
  private long epoch;
  private Instant lastAdvance;
  private Instant startedAt;
  private boolean rescaleWanted;
  private boolean manualQueued;
  private long checkpointIds;
  private InFlight inFlight;
  private Position restorePoint = new Position(0, 0);

  private double backlog;
  private double processed;
  private double busySeconds;
  private double replayed;
  private double arrived;
  private double meterProcessed;
  private Instant meterAt;

  private int restarts;
  private double recomputedSeconds;
  private double maxLagSeconds;
  private double downtimeSeconds;

  public FlinkJob(FlinkJobSpec spec, EventQueue queue, RandomGenerator random) {
    this.spec = spec;
    this.queue = queue;
    this.random = random;
    this.start = queue.now();
    this.lastAdvance = queue.now();
    this.meterAt = queue.now();
  }

  public FlinkJobSpec spec() {
    return spec;
  }

  // --- what the cluster tells it about its pods ---

  @Override
  public void podBound(Pod pod, Instant at) {
    if (isTaskManager(pod)) {
      advance();
      taskManagers.put(pod.id(), pod.nodeName());
      if (state == State.RUNNING) {
        rescaleWanted = true;
      } else if (state == State.WAITING) {
        tryStart();
      }
    } else if (isJobManager(pod)) {
      advance();
      jobManagers.add(pod.id());
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
    if (isTaskManager(pod) && taskManagers.containsKey(pod.id())) {
      advance();
      completeDueCheckpoint();
      taskManagers.remove(pod.id());
      if (inJob.remove(pod.id()) && state == State.RUNNING) {
        fail();
      }
      rescaleWanted = state == State.RUNNING && slots() > parallelism;
    } else if (isJobManager(pod) && jobManagers.contains(pod.id())) {
      advance();
      completeDueCheckpoint();
      jobManagers.remove(pod.id());
      if (jobManagers.isEmpty()) {
        if (state == State.RUNNING) {
          fail();
        }
        // Without a JobManager nothing restarts; a new one recovers the job (Kubernetes HA).
        state = State.WAITING;
        epoch++;
      }
    }
  }

  /**
   * A checkpoint completing at this very instant counts before a pod lost at it, whichever event
   * the queue runs first (its completion event then finds nothing left to do).
   */
  private void completeDueCheckpoint() {
    if (inFlight != null && !inFlight.completesAt().isAfter(queue.now())) {
      restorePoint = inFlight.position();
    }
  }

  // --- the control plane's checkpoint request ---

  /** Whether one of the job's running TaskManagers is on the node. */
  public boolean runsOn(String node) {
    return taskManagers.containsValue(node);
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
    if (inFlight != null && inFlight.triggeredAt().equals(now)) {
      id = inFlight.id();
      done = inFlight.completesAt();
    } else if (inFlight != null) {
      manualQueued = true;
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
    double seconds = Duration.between(meterAt, now).toMillis() / 1000.0;
    double records = processed - meterProcessed;
    meterAt = now;
    meterProcessed = processed;
    return seconds <= 0
        ? 0
        : records / seconds / spec.recordsPerSlotPerSecond() * spec.coresPerSlot();
  }

  public int runningTaskManagers() {
    return taskManagers.size();
  }

  public double inputRate(Instant at) {
    return spec.input().at(seconds(at));
  }

  public double lagSeconds() {
    advance();
    return lag(inputRate(queue.now()));
  }

  /** The warm-up is over: restarts, recomputation, lag and downtime count from now on. */
  public void startMeasuring() {
    advance();
    restarts = 0;
    recomputedSeconds = 0;
    downtimeSeconds = 0;
    maxLagSeconds = lag(inputRate(queue.now()));
  }

  public FlinkFigures figures() {
    advance();
    return new FlinkFigures(restarts, recomputedSeconds, maxLagSeconds, downtimeSeconds);
  }

  /** Records processed so far, those processed again included (for tests). */
  double processedRecords() {
    advance();
    return processed;
  }

  /** Records put back to be processed again by restarts (for tests). */
  double replayedRecords() {
    advance();
    return replayed;
  }

  /** Records that arrived since the job was submitted (for tests). */
  double arrivedRecords() {
    advance();
    return arrived;
  }

  double backlogRecords() {
    advance();
    return backlog;
  }

  /** Seconds the job processed (for tests). */
  double busySeconds() {
    advance();
    return busySeconds;
  }

  boolean running() {
    return state == State.RUNNING;
  }

  // --- the job's life ---

  private void tryStart() {
    if (!jobManagers.isEmpty() && slots() > 0) {
      state = State.RESTARTING;
      long at = ++epoch;
      queue.after(spec.restoreTime(), () -> resume(at));
    }
  }

  /** A failure: roll back to the last completed checkpoint and restart after the delay. */
  private void fail() {
    restarts++;
    rollBack();
    state = State.RESTARTING;
    long at = ++epoch;
    queue.after(spec.restartDelay().plus(spec.restoreTime()), () -> resume(at));
  }

  /** A rescale onto new TaskManagers from the checkpoint just completed. */
  private void rescale() {
    restarts++;
    rollBack();
    state = State.RESTARTING;
    long at = ++epoch;
    queue.after(spec.restoreTime(), () -> resume(at));
  }

  /** What was processed since the restore point is lost and will be processed again. */
  private void rollBack() {
    recomputedSeconds += busySeconds - restorePoint.busySeconds();
    replayed += processed - restorePoint.processed();
    backlog += processed - restorePoint.processed();
    restorePoint = new Position(processed, busySeconds);
    inFlight = null;
    manualQueued = false;
    rescaleWanted = false;
  }

  private void resume(long at) {
    if (at != epoch) {
      return;
    }
    advance();
    if (jobManagers.isEmpty() || slots() == 0) {
      state = State.WAITING;
      return;
    }
    state = State.RUNNING;
    parallelism = slots();
    inJob.clear();
    inJob.addAll(taskManagers.keySet());
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
    if (inFlight == null) {
      trigger();
    }
    queue.after(spec.checkpointInterval(), () -> periodic(at));
  }

  private InFlight trigger() {
    Instant now = queue.now();
    InFlight c =
        new InFlight(
            ++checkpointIds,
            new Position(processed, busySeconds),
            now,
            now.plus(spec.checkpointDuration()));
    inFlight = c;
    long at = epoch;
    queue.at(c.completesAt(), () -> completed(at, c.id()));
    return c;
  }

  private void completed(long at, long id) {
    if (at != epoch || inFlight == null || inFlight.id() != id) {
      return;
    }
    advance();
    restorePoint = inFlight.position();
    inFlight = null;
    if (manualQueued) {
      manualQueued = false;
      trigger();
    } else if (rescaleWanted && !queue.now().isBefore(startedAt.plus(spec.rescaleCooldown()))) {
      rescale();
    }
  }

  /** Brings the fluid model to now: input, processing, backlog, lag and downtime. */
  private void advance() {
    Instant now = queue.now();
    if (state == State.NOT_SUBMITTED) {
      lastAdvance = now;
      meterAt = now;
      return;
    }
    while (lastAdvance.isBefore(now)) {
      Instant next = lastAdvance.plus(MAX_STEP);
      if (next.isAfter(now)) {
        next = now;
      }
      double step = Duration.between(lastAdvance, next).toNanos() / 1e9;
      double rateAfter = inputRate(next);
      double arrived = spec.input().integral(seconds(lastAdvance), seconds(next));
      this.arrived += arrived;
      if (state == State.RUNNING) {
        double capacity = parallelism * spec.recordsPerSlotPerSecond() * step;
        double work = backlog + arrived;
        double done = Math.min(work, capacity);
        backlog = work - done;
        processed += done;
        busySeconds += step;
      } else {
        backlog += arrived;
        downtimeSeconds += step;
      }
      maxLagSeconds = Math.max(maxLagSeconds, lag(rateAfter));
      lastAdvance = next;
    }
  }

  private double lag(double rate) {
    return rate > 0 ? backlog / rate : 0;
  }

  private int slots() {
    return taskManagers.size() * spec.slotsPerTaskManager();
  }

  private double seconds(Instant at) {
    return Duration.between(start, at).toMillis() / 1000.0;
  }

  private boolean isTaskManager(Pod pod) {
    return pod.owner().equals(spec.taskManagers()) && pod.id().namespace().equals(spec.namespace());
  }

  private boolean isJobManager(Pod pod) {
    return pod.owner().equals(spec.jobManager()) && pod.id().namespace().equals(spec.namespace());
  }
}
