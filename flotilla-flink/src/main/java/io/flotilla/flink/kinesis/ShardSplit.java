package io.flotilla.flink.kinesis;

import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One Kinesis shard as a Flink split. Its state is the sequence number of the last record emitted:
 * a restore resumes right after it.
 *
 * @param shardId the shard
 * @param lastSequenceNumberOrNull the last record emitted, or null when none was yet
 */
public record ShardSplit(String shardId, String lastSequenceNumberOrNull) implements SourceSplit {

  public ShardSplit {
    Objects.requireNonNull(shardId, "shardId");
  }

  public static ShardSplit fresh(String shardId) {
    return new ShardSplit(shardId, null);
  }

  public Optional<String> lastSequenceNumber() {
    return Optional.ofNullable(lastSequenceNumberOrNull);
  }

  @Override
  public String splitId() {
    return shardId;
  }
}
