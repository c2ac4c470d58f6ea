package io.flotilla.flink.job;

import io.flotilla.flink.event.ParsedRecord;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded-out-of-orderness watermarks over valid events only: a rejected record carries no
 * trustworthy time, so it never moves the watermark.
 */
final class EventTimeWatermarks implements WatermarkGenerator<ParsedRecord> {

  private final long outOfOrdernessMillis;
  private long maxTimestamp;

  EventTimeWatermarks(long outOfOrdernessMillis) {
    this.outOfOrdernessMillis = outOfOrdernessMillis;
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(ParsedRecord record, long eventTimestamp, WatermarkOutput output) {
    if (record.isValid()) {
      maxTimestamp = Math.max(maxTimestamp, record.event().eventTimeMillis());
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
  }
}
