package io.flotilla.flink.job;

import io.flotilla.flink.event.DeadLetter;
import io.flotilla.flink.event.ParsedEvent;
import io.flotilla.flink.event.ParsedRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends valid events on and rejected records to the dead-letter side output, counting the latter in
 * the metric {@value #METRIC}.
 */
public final class DeadLetterRouter extends ProcessFunction<ParsedRecord, ParsedEvent> {

  public static final String METRIC = "deadLetterRecords";
  public static final OutputTag<DeadLetter> DEAD_LETTERS =
      new OutputTag<>("dead-letters") {
        private static final long serialVersionUID = 1L;
      };

  private static final long serialVersionUID = 1L;
  private transient Counter deadLetters;

  @Override
  public void open(OpenContext openContext) {
    deadLetters = getRuntimeContext().getMetricGroup().counter(METRIC);
  }

  @Override
  public void processElement(ParsedRecord record, Context context, Collector<ParsedEvent> out) {
    if (record.isValid()) {
      out.collect(record.toParsedEvent());
    } else {
      deadLetters.inc();
      context.output(DEAD_LETTERS, record.toDeadLetter());
    }
  }
}
