package io.flotilla.flink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardSplitsTest {

  @Test
  void aSplitSurvivesSerializationWithAndWithoutAPosition() throws Exception {
    ShardSplitSerializer serializer = new ShardSplitSerializer();
    for (ShardSplit split :
        List.of(ShardSplit.fresh("shardId-000000000001"), new ShardSplit("shardId-7", "4968051"))) {
      assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)))
          .isEqualTo(split);
    }
  }

  @Test
  void theEnumeratorStateSurvivesSerialization() throws Exception {
    ShardEnumeratorStateSerializer serializer = new ShardEnumeratorStateSerializer();
    ShardEnumeratorState state =
        new ShardEnumeratorState(
            Set.of("shardId-0", "shardId-1"), List.of(new ShardSplit("shardId-2", "99")));

    assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state)))
        .isEqualTo(state);
  }

  @Test
  void consecutiveShardsGoToConsecutiveReaders() {
    assertThat(ShardOwners.owner("shardId-000000000000", 2)).isZero();
    assertThat(ShardOwners.owner("shardId-000000000001", 2)).isEqualTo(1);
    assertThat(ShardOwners.owner("shardId-000000000002", 2)).isZero();
    assertThat(ShardOwners.owner("no-number", 3)).isBetween(0, 2);
  }

  @Test
  void theSplitStateMovesWithEmittedRecords() {
    ShardSplitState state = new ShardSplitState(ShardSplit.fresh("shardId-0"));
    state.emitted("100");
    state.emitted("101");
    assertThat(state.toSplit()).isEqualTo(new ShardSplit("shardId-0", "101"));
  }

  @Test
  void backOffDoublesUpToItsCeilingAndResets() {
    Backoff backoff =
        new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(500));
    assertThat(backoff.nextDelayMillis()).isEqualTo(100);
    assertThat(backoff.nextDelayMillis()).isEqualTo(200);
    assertThat(backoff.nextDelayMillis()).isEqualTo(400);
    assertThat(backoff.nextDelayMillis()).isEqualTo(500);
    backoff.reset();
    assertThat(backoff.nextDelayMillis()).isEqualTo(100);
  }
}
