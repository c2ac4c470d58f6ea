package io.flotilla.flink.kinesis;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** Lists a stream's shards (by stream name, which kinesalite requires), page by page. */
final class ShardDiscovery {

  private ShardDiscovery() {}

  static List<String> shardIds(KinesisClient kinesis, String stream) {
    List<String> shards = new ArrayList<>();
    String next = null;
    do {
      ListShardsRequest request =
          next == null
              ? ListShardsRequest.builder().streamName(stream).build()
              : ListShardsRequest.builder().nextToken(next).build();
      ListShardsResponse response = kinesis.listShards(request);
      for (Shard shard : response.shards()) {
        shards.add(shard.shardId());
      }
      next = response.nextToken();
    } while (next != null);
    return shards;
  }
}
