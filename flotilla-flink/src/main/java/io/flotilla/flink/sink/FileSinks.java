package io.flotilla.flink.sink;

import io.flotilla.flink.event.DeadLetter;
import io.flotilla.flink.event.ParsedEvent;
import io.flotilla.flink.window.MinuteStats;
import io.flotilla.flink.window.WindowMax;
import java.time.ZoneOffset;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The job's exactly-once file sinks. Part files roll and are committed on checkpoints (two-phase),
 * so a reader that skips hidden files ({@code .part-*.inprogress.*}) sees every record once.
 */
public final class FileSinks {

  private FileSinks() {}

  public static FileSink<WindowMax> windowMax(Outputs outputs) {
    return sink(
        outputs.windowMax(),
        new LineFormat<>(WindowMax::toCsv),
        new HourBuckets<>(HourBuckets.REFERENCE_PATTERN, WindowMax::windowEndMillis),
        ".csv");
  }

  public static FileSink<MinuteStats> minuteStats(Outputs outputs) {
    return sink(
        outputs.minuteStats(),
        new LineFormat<>(MinuteStats::toCsv),
        new HourBuckets<>(HourBuckets.REFERENCE_PATTERN, MinuteStats::windowStartMillis),
        ".csv");
  }

  public static FileSink<ParsedEvent> rawEvents(Outputs outputs) {
    return sink(
        outputs.rawEvents(),
        new LineFormat<>(ParsedEvent::json),
        new HourBuckets<>(HourBuckets.PARTITION_PATTERN, e -> e.event().eventTimeMillis()),
        ".jsonl");
  }

  /** Dead letters have no trustworthy event time: they are bucketed by processing hour. */
  public static FileSink<DeadLetter> deadLetters(Outputs outputs) {
    return sink(
        outputs.deadLetters(),
        new LineFormat<>(DeadLetterJson::write),
        new DateTimeBucketAssigner<>(HourBuckets.REFERENCE_PATTERN, ZoneOffset.UTC),
        ".jsonl");
  }

  private static <T> FileSink<T> sink(
      String path, LineFormat<T> format, BucketAssigner<T, String> buckets, String suffix) {
    return FileSink.forBulkFormat(new Path(path), format)
        .withBucketAssigner(buckets)
        .withRollingPolicy(OnCheckpointRollingPolicy.build())
        .withOutputFileConfig(
            OutputFileConfig.builder().withPartPrefix("part").withPartSuffix(suffix).build())
        .build();
  }
}
