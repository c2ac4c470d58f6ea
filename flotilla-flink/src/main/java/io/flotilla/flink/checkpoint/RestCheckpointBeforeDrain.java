package io.flotilla.flink.checkpoint;

import io.flotilla.ports.checkpoint.CheckpointBeforeDrain;
import io.flotilla.ports.checkpoint.CheckpointOutcome;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.FlinkEndpoints;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.checkpoint.JobCheckpoint;
import io.flotilla.ports.checkpoint.TaskManagerAddress;
import io.flotilla.ports.checkpoint.TaskManagerLocator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CheckpointBeforeDrain} over Flink's REST API: finds the running jobs with a TaskManager on
 * the node, triggers a full checkpoint of each at once, and polls until each has an outcome or the
 * deadline passes. The deadline is the sooner of {@code now + bound} and {@code nodeGoneAt -
 * drainReserve}, so the drain always has its reserve left.
 */
public final class RestCheckpointBeforeDrain implements CheckpointBeforeDrain {

  private static final Logger LOG = LoggerFactory.getLogger(RestCheckpointBeforeDrain.class);

  private final FlinkEndpoints endpoints;
  private final TaskManagerLocator locator;
  private final FlinkRestClient rest;
  private final Clock clock;
  private final CheckpointPolling polling;

  public RestCheckpointBeforeDrain(
      FlinkEndpoints endpoints,
      TaskManagerLocator locator,
      FlinkRestClient rest,
      Clock clock,
      CheckpointPolling polling) {
    this.endpoints = endpoints;
    this.locator = locator;
    this.rest = rest;
    this.clock = clock;
    this.polling = polling;
  }

  @Override
  public CheckpointReport checkpointWorkloadsOn(InterruptionWarning warning, Duration bound) {
    Instant started = clock.instant();
    Instant deadline = deadline(warning, bound, started);
    List<TaskManagerAddress> onNode = locator.taskManagersOn(warning.nodeName());
    List<JobCheckpoint> results = new ArrayList<>();
    List<PendingCheckpoint> pending = new ArrayList<>();
    if (!onNode.isEmpty()) {
      for (URI endpoint : endpoints.restEndpoints()) {
        findAndTrigger(endpoint, onNode, started, results, pending);
      }
    }
    results.addAll(new CheckpointPoller(rest, clock, polling).awaitAll(pending, deadline));
    Duration elapsed = Duration.between(started, clock.instant());
    LOG.info(
        "Checkpoints before draining {} ({}): {} in {}",
        warning.nodeName(),
        warning.kind(),
        results,
        elapsed);
    return new CheckpointReport(warning, results, elapsed);
  }

  /** Checkpoints one known job, e.g. when the caller already knows which job must be saved. */
  public JobCheckpoint checkpoint(URI endpoint, String jobId, Duration bound) {
    Instant started = clock.instant();
    List<JobCheckpoint> results = new ArrayList<>();
    List<PendingCheckpoint> pending = new ArrayList<>();
    trigger(endpoint, jobId, started, results, pending);
    results.addAll(
        new CheckpointPoller(rest, clock, polling).awaitAll(pending, started.plus(bound)));
    return results.get(0);
  }

  private Instant deadline(InterruptionWarning warning, Duration bound, Instant now) {
    Instant byBound = now.plus(bound);
    Instant byNode = warning.nodeGoneAt().minus(polling.drainReserve());
    return byBound.isBefore(byNode) ? byBound : byNode;
  }

  private void findAndTrigger(
      URI endpoint,
      List<TaskManagerAddress> onNode,
      Instant started,
      List<JobCheckpoint> results,
      List<PendingCheckpoint> pending) {
    List<String> jobs;
    try {
      jobs = rest.runningJobs(endpoint);
    } catch (IOException e) {
      results.add(
          JobCheckpoint.notCompleted(
              endpoint.toString(),
              Optional.empty(),
              CheckpointOutcome.UNREACHABLE,
              e.getMessage(),
              Duration.between(started, clock.instant())));
      return;
    }
    for (String job : jobs) {
      try {
        boolean onThisNode =
            rest.taskManagersOf(endpoint, job).stream()
                .anyMatch(tm -> onNode.stream().anyMatch(tm::isAt));
        if (onThisNode) {
          trigger(endpoint, job, started, results, pending);
        }
      } catch (IOException e) {
        results.add(Outcomes.ofError(endpoint, job, e, Duration.between(started, clock.instant())));
      }
    }
  }

  private void trigger(
      URI endpoint,
      String job,
      Instant started,
      List<JobCheckpoint> results,
      List<PendingCheckpoint> pending) {
    try {
      String requestId = rest.triggerCheckpoint(endpoint, job);
      pending.add(new PendingCheckpoint(endpoint, job, requestId, started));
    } catch (IOException e) {
      results.add(Outcomes.ofError(endpoint, job, e, Duration.between(started, clock.instant())));
    }
  }
}
