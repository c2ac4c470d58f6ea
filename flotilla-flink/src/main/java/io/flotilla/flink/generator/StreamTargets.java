package io.flotilla.flink.generator;

import io.flotilla.flink.kinesis.KinesisEventWriter;
import io.flotilla.flink.kinesis.KinesisStreams;
import io.flotilla.flink.source.SourceSpec;
import io.flotilla.flink.source.SourceUris;

/** Opens the {@link EventWriter} a {@code --to} URI names (the same URIs as {@code --source}). */
public final class StreamTargets {

  private StreamTargets() {}

  /**
   * @param createShards for Kinesis, create the stream with this many shards if it is missing (0:
   *     never create)
   */
  public static EventWriter open(String uri, int createShards) {
    SourceSpec spec = SourceUris.parse(uri);
    if (spec instanceof SourceSpec.Kafka kafka) {
      return new KafkaEventWriter(kafka.bootstrapServers(), kafka.topic());
    }
    if (spec instanceof SourceSpec.Kinesis kinesis) {
      var client =
          io.flotilla.flink.kinesis.KinesisClients.create(
              kinesis.region(), kinesis.endpoint().orElse(null));
      if (createShards > 0) {
        KinesisStreams.ensure(client, kinesis.stream(), createShards);
      }
      return new KinesisEventWriter(client, kinesis.stream());
    }
    throw new IllegalArgumentException(
        "--to must be kafka://HOST:PORT/TOPIC or kinesis://STREAM, was '" + uri + "'");
  }
}
