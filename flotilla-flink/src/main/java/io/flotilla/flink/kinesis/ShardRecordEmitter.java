package io.flotilla.flink.kinesis;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * Emits one Kinesis record, stamped with its arrival time, and moves the shard's checkpointed
 * position to it.
 */
final class ShardRecordEmitter<T> implements RecordEmitter<Record, T, ShardSplitState> {

  private final DeserializationSchema<T> deserializer;

  ShardRecordEmitter(DeserializationSchema<T> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  public void emitRecord(Record record, SourceOutput<T> output, ShardSplitState state)
      throws Exception {
    T value = deserializer.deserialize(record.data().asByteArrayUnsafe());
    long arrival =
        record.approximateArrivalTimestamp() == null
            ? Long.MIN_VALUE
            : record.approximateArrivalTimestamp().toEpochMilli();
    if (value != null) {
      output.collect(value, arrival);
    }
    state.emitted(record.sequenceNumber());
  }
}
