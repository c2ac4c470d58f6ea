package io.flotilla.flink.testing;

import io.flotilla.flink.event.ParsedRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Holds each subtask to a rate, so sources that read as fast as they can (Kafka, Kinesis) are still
 * mid-stream when a test kills a TaskManager.
 */
public final class Throttle extends RichMapFunction<ParsedRecord, ParsedRecord> {

  private static final long serialVersionUID = 1L;
  private final double perSubtaskPerSecond;
  private transient long started;
  private transient long count;

  public Throttle(double perSubtaskPerSecond) {
    this.perSubtaskPerSecond = perSubtaskPerSecond;
  }

  @Override
  public void open(OpenContext context) {
    started = System.nanoTime();
  }

  @Override
  public ParsedRecord map(ParsedRecord record) throws InterruptedException {
    long due = started + (long) (++count * 1e9 / perSubtaskPerSecond);
    long wait = due - System.nanoTime();
    if (wait > 1_000_000) {
      Thread.sleep(wait / 1_000_000);
    }
    return record;
  }
}
