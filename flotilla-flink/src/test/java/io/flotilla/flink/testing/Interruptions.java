package io.flotilla.flink.testing;

import static org.awaitility.Awaitility.await;

import io.flotilla.flink.cluster.EmbeddedFlink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills TaskManagers mid-stream, as Spot interruptions do, and starts replacements, as replacement
 * capacity does.
 */
public final class Interruptions {

  private static final Logger LOG = LoggerFactory.getLogger(Interruptions.class);

  private Interruptions() {}

  /** A count of progress (e.g. committed raw events) the kills are timed by. */
  @FunctionalInterface
  public interface Progress {
    long now() throws IOException;
  }

  /**
   * Each time progress reaches the next fraction of {@code total}, kills the oldest TaskManager and
   * starts a replacement.
   */
  public static int killAt(
      EmbeddedFlink flink, JobID job, Progress progress, long total, double... fractions)
      throws Exception {
    int kills = 0;
    for (double fraction : fractions) {
      long threshold = (long) (total * fraction);
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> read(progress) >= threshold);
      long seen = read(progress);
      if (flink.status(job) != JobStatus.RUNNING) {
        throw new AssertionError(
            "job not running at kill " + (kills + 1) + ": " + flink.status(job));
      }
      flink.killTaskManager();
      kills++;
      LOG.info("Killed a TaskManager at {} of {} (kill {})", seen, total, kills);
      flink.startTaskManager();
    }
    return kills;
  }

  private static long read(Progress progress) {
    try {
      return progress.now();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
