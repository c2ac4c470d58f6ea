package io.flotilla.flink.kinesis;

/**
 * Which reader owns a shard: shard ids end in a number ({@code shardId-000000000002}), which
 * spreads consecutive shards over consecutive readers.
 */
final class ShardOwners {

  private ShardOwners() {}

  static int owner(String shardId, int parallelism) {
    int end = shardId.length();
    int start = end;
    while (start > 0 && Character.isDigit(shardId.charAt(start - 1)) && end - start < 9) {
      start--;
    }
    int number = start < end ? Integer.parseInt(shardId.substring(start, end)) : shardId.hashCode();
    return Math.floorMod(number, parallelism);
  }
}
