package io.flotilla.flink.kinesis;

import java.util.List;
import java.util.Set;

/**
 * What the enumerator checkpoints: the shards already handed to readers (their positions live in
 * the readers' state) and the splits not yet handed out.
 */
public record ShardEnumeratorState(Set<String> assignedShards, List<ShardSplit> unassigned) {

  public ShardEnumeratorState {
    assignedShards = Set.copyOf(assignedShards);
    unassigned = List.copyOf(unassigned);
  }

  public static ShardEnumeratorState empty() {
    return new ShardEnumeratorState(Set.of(), List.of());
  }
}
