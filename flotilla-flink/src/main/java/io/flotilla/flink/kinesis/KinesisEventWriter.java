package io.flotilla.flink.kinesis;

import io.flotilla.flink.generator.EventWriter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes records to a Kinesis stream with PutRecords, 500 at a time; records Kinesis refused
 * (throttled) are sent again, in order, after a back-off.
 */
public final class KinesisEventWriter implements EventWriter {

  private static final int MAX_BATCH = 500;

  private final KinesisClient kinesis;
  private final String stream;
  private final List<PutRecordsRequestEntry> batch = new ArrayList<>(MAX_BATCH);

  public KinesisEventWriter(KinesisClient kinesis, String stream) {
    this.kinesis = kinesis;
    this.stream = stream;
  }

  @Override
  public void send(String partitionKey, String json) {
    batch.add(
        PutRecordsRequestEntry.builder()
            .partitionKey(partitionKey)
            .data(SdkBytes.fromUtf8String(json))
            .build());
    if (batch.size() == MAX_BATCH) {
      flush();
    }
  }

  @Override
  public void flush() {
    List<PutRecordsRequestEntry> pending = new ArrayList<>(batch);
    batch.clear();
    Backoff backoff =
        new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5));
    while (!pending.isEmpty()) {
      try {
        PutRecordsResponse response =
            kinesis.putRecords(
                PutRecordsRequest.builder().streamName(stream).records(pending).build());
        pending = refused(pending, response.records());
        if (pending.isEmpty()) {
          return;
        }
      } catch (ProvisionedThroughputExceededException throttled) {
        // whole call throttled: retry all of it
      }
      pause(backoff.nextDelayMillis());
    }
  }

  private static List<PutRecordsRequestEntry> refused(
      List<PutRecordsRequestEntry> sent, List<PutRecordsResultEntry> results) {
    List<PutRecordsRequestEntry> again = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      if (results.get(i).errorCode() != null) {
        again.add(sent.get(i));
      }
    }
    return again;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to Kinesis", e);
    }
  }

  @Override
  public void close() {
    flush();
    kinesis.close();
  }
}
