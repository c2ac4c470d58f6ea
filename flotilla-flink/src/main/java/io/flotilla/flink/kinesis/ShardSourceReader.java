package io.flotilla.flink.kinesis;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import software.amazon.awssdk.services.kinesis.model.Record;

/** One Flink source reader over several shards, fetched by a single {@link ShardReader}. */
@SuppressWarnings("try") // close() is Flink's, declared to throw Exception
final class ShardSourceReader<T>
    extends SingleThreadMultiplexSourceReaderBase<Record, T, ShardSplit, ShardSplitState> {

  ShardSourceReader(
      Supplier<SplitReader<Record, ShardSplit>> reader,
      RecordEmitter<Record, T, ShardSplitState> emitter,
      SourceReaderContext context) {
    super(reader, emitter, new Configuration(), context);
  }

  @Override
  protected void onSplitFinished(Map<String, ShardSplitState> finished) {
    // A finished shard is simply done; new shards come from the enumerator.
  }

  @Override
  protected ShardSplitState initializedState(ShardSplit split) {
    return new ShardSplitState(split);
  }

  @Override
  protected ShardSplit toSplitType(String splitId, ShardSplitState state) {
    return state.toSplit();
  }
}
