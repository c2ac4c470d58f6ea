package io.flotilla.flink.source;

import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.kinesis.KinesisSettings;
import io.flotilla.flink.kinesis.KinesisShardSource;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

/** Builds the Flink source a {@link SourceSpec} names; every source yields parsed records. */
public final class Sources {

  private Sources() {}

  /**
   * @param generator the generator's settings, used for {@code generator}
   * @param events the number of events the generator makes
   * @param rate the generator's rate limit per second, 0 for none
   */
  public static Source<ParsedRecord, ?, ?> create(
      SourceSpec spec, GeneratorSettings generator, long events, double rate) {
    if (spec instanceof SourceSpec.Kafka kafka) {
      return kafka(kafka);
    }
    if (spec instanceof SourceSpec.Kinesis kinesis) {
      return new KinesisShardSource<>(KinesisSettings.of(kinesis), new ParsingDeserializer());
    }
    return GeneratorSource.of(generator, events, rate);
  }

  public static String name(SourceSpec spec) {
    if (spec instanceof SourceSpec.Kafka kafka) {
      return "kafka " + kafka.topic();
    }
    if (spec instanceof SourceSpec.Kinesis kinesis) {
      return "kinesis " + kinesis.stream();
    }
    return "generator";
  }

  private static KafkaSource<ParsedRecord> kafka(SourceSpec.Kafka spec) {
    var builder =
        KafkaSource.<ParsedRecord>builder()
            .setBootstrapServers(spec.bootstrapServers())
            .setTopics(spec.topic())
            .setGroupId(spec.groupId())
            .setStartingOffsets(OffsetsInitializer.earliest())
            .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new ParsingDeserializer()));
    if (spec.bounded()) {
      builder.setBounded(OffsetsInitializer.latest());
    } else {
      builder.setProperty("partition.discovery.interval.ms", "10000");
    }
    return builder.build();
  }
}
