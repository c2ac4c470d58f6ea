package io.flotilla.flink.kinesis;

/** Where the reader is in one shard: the iterator to read with and when it may next be read. */
final class ShardCursor {

  final String shardId;
  String lastFetchedSequence;
  String iterator;
  long notBeforeNanos;
  final Backoff backoff;

  ShardCursor(ShardSplit split, Backoff backoff) {
    this.shardId = split.shardId();
    this.lastFetchedSequence = split.lastSequenceNumberOrNull();
    this.backoff = backoff;
  }
}
