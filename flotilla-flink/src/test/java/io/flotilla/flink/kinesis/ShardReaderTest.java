package io.flotilla.flink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

class ShardReaderTest {

  private final AtomicLong nanos = new AtomicLong();
  private final List<Long> sleeps = new ArrayList<>();
  private final FakeKinesis kinesis = new FakeKinesis();
  private final KinesisSettings settings =
      new KinesisSettings(
          "tickers",
          "us-east-1",
          null,
          false,
          false,
          Duration.ofSeconds(10),
          100,
          Duration.ofMillis(200),
          Duration.ofSeconds(5));
  private final ShardReader reader =
      new ShardReader(
          kinesis,
          settings,
          nanos::get,
          new Sleeper() {
            @Override
            public void sleep(long millis) {
              sleeps.add(millis);
              nanos.addAndGet(Duration.ofMillis(millis).toNanos());
            }

            @Override
            public void wakeUp() {}
          });

  @Test
  void backsOffExponentiallyWhenThrottledThenDeliversTheRecords() {
    kinesis.then(ShardReaderTest::throttled);
    kinesis.then(ShardReaderTest::throttled);
    kinesis.then(() -> page(List.of(record("1"), record("2"), record("3")), null));
    reader.handleSplitsChanges(new SplitsAddition<>(List.of(ShardSplit.fresh("shardId-0"))));

    List<String> delivered = new ArrayList<>();
    List<String> finished = new ArrayList<>();
    for (int i = 0; i < 6 && finished.isEmpty(); i++) {
      drain(reader.fetch(), delivered, finished);
    }

    assertThat(sleeps).containsExactly(200L, 400L);
    assertThat(delivered).containsExactly("1", "2", "3");
    assertThat(finished).containsExactly("shardId-0");
    assertThat(kinesis.iteratorRequests.get(0).shardIteratorType())
        .isEqualTo(ShardIteratorType.TRIM_HORIZON);
  }

  @Test
  void resumesRightAfterTheCheckpointedSequenceNumber() {
    kinesis.then(() -> page(List.of(record("43")), null));
    reader.handleSplitsChanges(new SplitsAddition<>(List.of(new ShardSplit("shardId-1", "42"))));

    drain(reader.fetch(), new ArrayList<>(), new ArrayList<>());

    assertThat(kinesis.iteratorRequests)
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.shardIteratorType())
                  .isEqualTo(ShardIteratorType.AFTER_SEQUENCE_NUMBER);
              assertThat(request.startingSequenceNumber()).isEqualTo("42");
            });
  }

  private static void drain(
      RecordsWithSplitIds<Record> batch, List<String> delivered, List<String> finished) {
    while (batch.nextSplit() != null) {
      for (Record r = batch.nextRecordFromSplit(); r != null; r = batch.nextRecordFromSplit()) {
        delivered.add(r.sequenceNumber());
      }
    }
    finished.addAll(batch.finishedSplits());
  }

  private static GetRecordsResponse throttled() {
    throw ProvisionedThroughputExceededException.builder().message("slow down").build();
  }

  private static GetRecordsResponse page(List<Record> records, String next) {
    return GetRecordsResponse.builder()
        .records(records)
        .nextShardIterator(next)
        .millisBehindLatest(0L)
        .build();
  }

  private static Record record(String sequence) {
    return Record.builder()
        .sequenceNumber(sequence)
        .partitionKey("k")
        .data(SdkBytes.fromUtf8String("{}"))
        .build();
  }
}
