package io.flotilla.flink.job;

import io.flotilla.flink.event.ParsedRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** Event time for the job's sources: the events' own EVENT_TIME, per split, with idleness. */
public final class EventTimeStrategy {

  private EventTimeStrategy() {}

  public static WatermarkStrategy<ParsedRecord> of(Duration maxOutOfOrderness, Duration idleness) {
    long bound = maxOutOfOrderness.toMillis();
    return WatermarkStrategy.<ParsedRecord>forGenerator(context -> new EventTimeWatermarks(bound))
        .withTimestampAssigner(new EventTimestamps())
        .withIdleness(idleness);
  }

  /** A valid record's event time; a rejected one keeps whatever the source gave it. */
  private static final class EventTimestamps
      implements SerializableTimestampAssigner<ParsedRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public long extractTimestamp(ParsedRecord record, long recordTimestamp) {
      return record.isValid() ? record.event().eventTimeMillis() : recordTimestamp;
    }
  }
}
