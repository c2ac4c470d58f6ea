package io.flotilla.flink.kinesis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Polls the shards assigned to one reader with GetRecords, one shard per fetch in turn, keeping
 * each shard within its call rate and backing off when Kinesis throttles.
 */
final class ShardReader implements SplitReader<Record, ShardSplit> {

  private static final Logger LOG = LoggerFactory.getLogger(ShardReader.class);

  private final KinesisClient kinesis;
  private final KinesisSettings settings;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Deque<ShardCursor> turn = new ArrayDeque<>();

  ShardReader(
      KinesisClient kinesis, KinesisSettings settings, LongSupplier nanoTime, Sleeper sleeper) {
    this.kinesis = kinesis;
    this.settings = settings;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  @Override
  public RecordsWithSplitIds<Record> fetch() {
    ShardCursor cursor = turn.pollFirst();
    if (cursor == null) {
      sleeper.sleep(settings.shardPollInterval().toMillis());
      return empty();
    }
    long wait = cursor.notBeforeNanos - nanoTime.getAsLong();
    if (wait > 0) {
      turn.addFirst(cursor);
      sleeper.sleep(Math.max(1, Duration.ofNanos(wait).toMillis()));
      return empty();
    }
    return read(cursor);
  }

  private RecordsWithSplitIds<Record> read(ShardCursor cursor) {
    try {
      if (cursor.iterator == null) {
        cursor.iterator = iterator(cursor);
      }
      GetRecordsResponse response =
          kinesis.getRecords(
              GetRecordsRequest.builder()
                  .shardIterator(cursor.iterator)
                  .limit(settings.maxRecordsPerCall())
                  .build());
      cursor.backoff.reset();
      List<Record> records = response.records();
      if (!records.isEmpty()) {
        cursor.lastFetchedSequence = records.get(records.size() - 1).sequenceNumber();
      }
      cursor.iterator = response.nextShardIterator();
      boolean closed = cursor.iterator == null;
      boolean caughtUp = records.isEmpty() && Long.valueOf(0).equals(response.millisBehindLatest());
      if (closed || (settings.bounded() && caughtUp)) {
        LOG.info("Shard {} finished ({})", cursor.shardId, closed ? "closed" : "caught up");
        return new RecordsBySplits<>(Map.of(cursor.shardId, records), Set.of(cursor.shardId));
      }
      cursor.notBeforeNanos = nanoTime.getAsLong() + settings.shardPollInterval().toNanos();
      turn.addLast(cursor);
      return new RecordsBySplits<>(Map.of(cursor.shardId, records), Set.of());
    } catch (ProvisionedThroughputExceededException | LimitExceededException e) {
      long delay = cursor.backoff.nextDelayMillis();
      LOG.debug("Shard {} throttled; backing off {} ms", cursor.shardId, delay);
      cursor.notBeforeNanos = nanoTime.getAsLong() + Duration.ofMillis(delay).toNanos();
      turn.addLast(cursor);
      return empty();
    } catch (ExpiredIteratorException e) {
      cursor.iterator = null;
      turn.addFirst(cursor);
      return empty();
    }
  }

  private String iterator(ShardCursor cursor) {
    GetShardIteratorRequest.Builder request =
        GetShardIteratorRequest.builder().streamName(settings.stream()).shardId(cursor.shardId);
    if (cursor.lastFetchedSequence != null) {
      request
          .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
          .startingSequenceNumber(cursor.lastFetchedSequence);
    } else if (settings.fromLatest()) {
      request.shardIteratorType(ShardIteratorType.LATEST);
    } else {
      request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
    }
    return kinesis.getShardIterator(request.build()).shardIterator();
  }

  private static RecordsWithSplitIds<Record> empty() {
    return new RecordsBySplits<>(Map.of(), Set.of());
  }

  @Override
  public void handleSplitsChanges(SplitsChange<ShardSplit> splitsChanges) {
    if (splitsChanges instanceof SplitsAddition) {
      for (ShardSplit split : splitsChanges.splits()) {
        LOG.info("Reading shard {} after {}", split.shardId(), split.lastSequenceNumber());
        turn.addLast(
            new ShardCursor(
                split, new Backoff(settings.shardPollInterval(), settings.maxBackoff())));
      }
    }
  }

  @Override
  public void wakeUp() {
    sleeper.wakeUp();
  }

  @Override
  public void close() {
    kinesis.close();
  }
}
