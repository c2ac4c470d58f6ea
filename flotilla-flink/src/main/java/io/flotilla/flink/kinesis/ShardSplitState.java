package io.flotilla.flink.kinesis;

/** A shard's position while it is read: moves forward as records are emitted. */
final class ShardSplitState {

  private final String shardId;
  private String lastSequenceNumber;

  ShardSplitState(ShardSplit split) {
    this.shardId = split.shardId();
    this.lastSequenceNumber = split.lastSequenceNumberOrNull();
  }

  void emitted(String sequenceNumber) {
    lastSequenceNumber = sequenceNumber;
  }

  ShardSplit toSplit() {
    return new ShardSplit(shardId, lastSequenceNumber);
  }
}
