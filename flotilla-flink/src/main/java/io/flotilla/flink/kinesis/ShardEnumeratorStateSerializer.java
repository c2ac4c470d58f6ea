package io.flotilla.flink.kinesis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Writes the enumerator's assigned shard ids and unassigned splits. */
public final class ShardEnumeratorStateSerializer
    implements SimpleVersionedSerializer<ShardEnumeratorState> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(ShardEnumeratorState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(state.assignedShards().size());
      for (String shard : state.assignedShards()) {
        out.writeUTF(shard);
      }
      out.writeInt(state.unassigned().size());
      for (ShardSplit split : state.unassigned()) {
        ShardSplitSerializer.write(split, out);
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public ShardEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown shard enumerator state version " + version);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
    int assignedCount = in.readInt();
    Set<String> assigned = new HashSet<>();
    for (int i = 0; i < assignedCount; i++) {
      assigned.add(in.readUTF());
    }
    int unassignedCount = in.readInt();
    List<ShardSplit> unassigned = new ArrayList<>();
    for (int i = 0; i < unassignedCount; i++) {
      unassigned.add(ShardSplitSerializer.read(in));
    }
    return new ShardEnumeratorState(assigned, unassigned);
  }
}
