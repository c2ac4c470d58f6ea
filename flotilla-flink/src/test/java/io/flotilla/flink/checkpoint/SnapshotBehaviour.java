package io.flotilla.flink.checkpoint;

import io.flotilla.flink.event.ParsedRecord;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/** A pass-through map whose snapshots fail, or take a long time, to provoke those outcomes. */
final class SnapshotBehaviour
    implements MapFunction<ParsedRecord, ParsedRecord>, CheckpointedFunction {

  private static final long serialVersionUID = 1L;
  private final boolean fail;
  private final long sleepMillis;

  private SnapshotBehaviour(boolean fail, long sleepMillis) {
    this.fail = fail;
    this.sleepMillis = sleepMillis;
  }

  static SnapshotBehaviour failing() {
    return new SnapshotBehaviour(true, 0);
  }

  static SnapshotBehaviour slow(long sleepMillis) {
    return new SnapshotBehaviour(false, sleepMillis);
  }

  @Override
  public ParsedRecord map(ParsedRecord value) {
    return value;
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    if (fail) {
      throw new IllegalStateException("snapshot refused on purpose");
    }
    Thread.sleep(sleepMillis);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) {}
}
