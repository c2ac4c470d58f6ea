package io.flotilla.flink.source;

import java.util.Optional;

/** The source a job reads, as named on the command line ({@code --source URI}). */
public sealed interface SourceSpec {

  /** The built-in generator ({@code generator}). */
  record Generator() implements SourceSpec {}

  /**
   * A Kafka topic ({@code kafka://host:port[,host:port]/topic[?group=G&bounded=true]}).
   *
   * @param bounded stop at the offsets that were latest when the job started
   */
  record Kafka(String bootstrapServers, String topic, String groupId, boolean bounded)
      implements SourceSpec {}

  /**
   * A Kinesis stream ({@code kinesis://stream[?region=R&endpoint=URL&bounded=true&start=latest]}).
   *
   * @param endpoint an endpoint override (a local Kinesis API such as kinesalite)
   * @param bounded stop once every shard is read up to its end at the time of reading
   * @param fromLatest start new shards at their tip instead of their oldest record
   */
  record Kinesis(
      String stream, String region, Optional<String> endpoint, boolean bounded, boolean fromLatest)
      implements SourceSpec {}
}
