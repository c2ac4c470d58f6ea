package io.flotilla.flink.kinesis;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes a shard split as its id and last sequence number. */
public final class ShardSplitSerializer implements SimpleVersionedSerializer<ShardSplit> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(ShardSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(split, out);
    }
    return bytes.toByteArray();
  }

  @Override
  public ShardSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown shard split version " + version);
    }
    return read(new DataInputStream(new java.io.ByteArrayInputStream(serialized)));
  }

  static void write(ShardSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.shardId());
    out.writeBoolean(split.lastSequenceNumberOrNull() != null);
    if (split.lastSequenceNumberOrNull() != null) {
      out.writeUTF(split.lastSequenceNumberOrNull());
    }
  }

  static ShardSplit read(java.io.DataInput in) throws IOException {
    String shardId = in.readUTF();
    String sequence = in.readBoolean() ? in.readUTF() : null;
    return new ShardSplit(shardId, sequence);
  }
}
