package io.flotilla.flink.kinesis;

import java.time.Duration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Creates a stream when it is missing and waits until it is active. */
public final class KinesisStreams {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private KinesisStreams() {}

  public static void ensure(KinesisClient kinesis, String stream, int shards) {
    try {
      kinesis.createStream(
          CreateStreamRequest.builder().streamName(stream).shardCount(shards).build());
    } catch (ResourceInUseException alreadyThere) {
      // created before: just wait for it to be active
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        StreamStatus status =
            kinesis
                .describeStreamSummary(
                    DescribeStreamSummaryRequest.builder().streamName(stream).build())
                .streamDescriptionSummary()
                .streamStatus();
        if (status == StreamStatus.ACTIVE) {
          return;
        }
      } catch (ResourceNotFoundException notYet) {
        // eventually consistent: keep waiting
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for stream " + stream, e);
      }
    }
    throw new IllegalStateException("Kinesis stream " + stream + " not active after " + WAIT);
  }
}
