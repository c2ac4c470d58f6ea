package io.flotilla.sim.flink;

import java.time.Duration;
import java.time.Instant;

/**
 * A Flink job's records as a fluid, advanced piecewise between events (never per record): what
 * arrived at the traffic curve's rate, what the slots processed (again, after restarts, included),
 * the backlog left waiting, and the seconds spent processing. It keeps the record accounting apart
 * from the job's life ({@link FlinkJob} says when it runs and with how many slots) and from
 * checkpoints, which only take its {@link Position} and roll it back to one.
 */
final class RecordFlow {
  /** Longest step of the fluid model (arrivals are exact; the backlog is updated this often). */
  private static final Duration MAX_STEP = Duration.ofSeconds(10);

  /** Where the job's counters stood at an instant (a checkpoint's position). */
  record Position(double processed, double busySeconds) {}

  private final FlinkJobSpec spec;
  private final Instant start;
  private Instant lastAdvance;
  private double backlog;
  private double processed;
  private double busySeconds;
  private double replayed;
  private double arrived;
  private double meterProcessed;
  private Instant meterAt;

  RecordFlow(FlinkJobSpec spec, Instant start) {
    this.spec = spec;
    this.start = start;
    this.lastAdvance = start;
    this.meterAt = start;
  }

  /** Nothing flows before the job is submitted: the model and the CPU meter start from now. */
  void skipTo(Instant now) {
    lastAdvance = now;
    meterAt = now;
  }

  /**
   * Brings the model to {@code now}: while {@code running}, {@code parallelism} slots process up to
   * their throughput, the backlog first; otherwise input piles up and the step is downtime.
   */
  void advanceTo(Instant now, boolean running, int parallelism, MeasuredFigures figures) {
    while (lastAdvance.isBefore(now)) {
      Instant next = lastAdvance.plus(MAX_STEP);
      if (next.isAfter(now)) {
        next = now;
      }
      double step = Duration.between(lastAdvance, next).toNanos() / 1e9;
      double rateAfter = inputRate(next);
      double arrived = spec.input().integral(seconds(lastAdvance), seconds(next));
      this.arrived += arrived;
      if (running) {
        double capacity = parallelism * spec.recordsPerSlotPerSecond() * step;
        double work = backlog + arrived;
        double done = Math.min(work, capacity);
        backlog = work - done;
        processed += done;
        busySeconds += step;
      } else {
        backlog += arrived;
        figures.down(step);
      }
      figures.lagSeen(lag(rateAfter));
      lastAdvance = next;
    }
  }

  /**
   * What was processed since {@code restorePoint} goes back to the backlog to be processed again;
   * returns the processing seconds lost.
   */
  double rollBackTo(Position restorePoint) {
    double recomputed = busySeconds - restorePoint.busySeconds();
    replayed += processed - restorePoint.processed();
    backlog += processed - restorePoint.processed();
    return recomputed;
  }

  /** The CPU the slots used on average since the last call (the TaskManagers' metrics window). */
  double cores(Instant now) {
    double seconds = Duration.between(meterAt, now).toMillis() / 1000.0;
    double records = processed - meterProcessed;
    meterAt = now;
    meterProcessed = processed;
    return seconds <= 0
        ? 0
        : records / seconds / spec.recordsPerSlotPerSecond() * spec.coresPerSlot();
  }

  Position position() {
    return new Position(processed, busySeconds);
  }

  double inputRate(Instant at) {
    return spec.input().at(seconds(at));
  }

  /** Consumer lag: the backlog over the input rate. */
  double lag(double rate) {
    return rate > 0 ? backlog / rate : 0;
  }

  double backlog() {
    return backlog;
  }

  double processed() {
    return processed;
  }

  double busySeconds() {
    return busySeconds;
  }

  double replayed() {
    return replayed;
  }

  double arrived() {
    return arrived;
  }

  private double seconds(Instant at) {
    return Duration.between(start, at).toMillis() / 1000.0;
  }
}
