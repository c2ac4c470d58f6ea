package io.flotilla.flink.kinesis;

import io.flotilla.flink.source.SourceSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a Kinesis stream.
 *
 * @param stream the stream name
 * @param region the AWS region
 * @param endpointOrNull an endpoint override (kinesalite, a VPC endpoint), or null
 * @param bounded finish each shard once it is read to its current end
 * @param fromLatest start shards without a checkpointed position at their tip
 * @param discoveryInterval how often to look for new shards
 * @param maxRecordsPerCall the GetRecords limit (at most 10,000)
 * @param shardPollInterval the least time between two GetRecords calls on one shard (Kinesis allows
 *     five per second per shard)
 * @param maxBackoff the longest wait after being throttled
 */
public record KinesisSettings(
    String stream,
    String region,
    String endpointOrNull,
    boolean bounded,
    boolean fromLatest,
    Duration discoveryInterval,
    int maxRecordsPerCall,
    Duration shardPollInterval,
    Duration maxBackoff)
    implements Serializable {

  public KinesisSettings {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(discoveryInterval, "discoveryInterval");
    Objects.requireNonNull(shardPollInterval, "shardPollInterval");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxRecordsPerCall < 1 || maxRecordsPerCall > 10_000) {
      throw new IllegalArgumentException(
          "maxRecordsPerCall must be in 1..10000, was " + maxRecordsPerCall);
    }
  }

  public static KinesisSettings of(SourceSpec.Kinesis spec) {
    return new KinesisSettings(
        spec.stream(),
        spec.region(),
        spec.endpoint().orElse(null),
        spec.bounded(),
        spec.fromLatest(),
        Duration.ofSeconds(10),
        5_000,
        Duration.ofMillis(200),
        Duration.ofSeconds(5));
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpointOrNull);
  }
}
