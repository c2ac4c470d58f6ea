package io.flotilla.flink.kinesis;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * A small Kinesis source on Flink's Source API and the AWS SDK v2: one split per shard whose state
 * is the last sequence number emitted, periodic shard discovery, polling within the per-shard call
 * rate and back-off on throttling. Where the official {@code flink-connector-aws-kinesis-streams}
 * is available, it replaces this class (see docs/flink.md).
 */
public final class KinesisShardSource<T>
    implements Source<T, ShardSplit, ShardEnumeratorState>, ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;
  private final KinesisSettings settings;
  private final DeserializationSchema<T> deserializer;

  public KinesisShardSource(KinesisSettings settings, DeserializationSchema<T> deserializer) {
    this.settings = settings;
    this.deserializer = deserializer;
  }

  @Override
  public Boundedness getBoundedness() {
    return settings.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<T, ShardSplit> createReader(SourceReaderContext context) throws Exception {
    deserializer.open(
        new DeserializationSchema.InitializationContext() {
          @Override
          public org.apache.flink.metrics.MetricGroup getMetricGroup() {
            return context.metricGroup();
          }

          @Override
          public UserCodeClassLoader getUserCodeClassLoader() {
            return context.getUserCodeClassLoader();
          }
        });
    return new ShardSourceReader<>(
        () ->
            new ShardReader(
                KinesisClients.create(settings), settings, System::nanoTime, Sleeper.monitor()),
        new ShardRecordEmitter<>(deserializer),
        context);
  }

  @Override
  public SplitEnumerator<ShardSplit, ShardEnumeratorState> createEnumerator(
      SplitEnumeratorContext<ShardSplit> context) {
    return restoreEnumerator(context, ShardEnumeratorState.empty());
  }

  @Override
  public SplitEnumerator<ShardSplit, ShardEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<ShardSplit> context, ShardEnumeratorState state) {
    return new ShardEnumerator(context, settings, KinesisClients.create(settings), state);
  }

  @Override
  public SimpleVersionedSerializer<ShardSplit> getSplitSerializer() {
    return new ShardSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<ShardEnumeratorState> getEnumeratorCheckpointSerializer() {
    return new ShardEnumeratorStateSerializer();
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return deserializer.getProducedType();
  }
}
