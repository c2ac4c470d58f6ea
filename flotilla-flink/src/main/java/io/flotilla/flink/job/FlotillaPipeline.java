package io.flotilla.flink.job;

import io.flotilla.flink.event.ParsedEvent;
import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.sink.FileSinks;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.window.MinuteStats;
import io.flotilla.flink.window.MinuteStatsFunction;
import io.flotilla.flink.window.PaneAggregator;
import io.flotilla.flink.window.PriceSummary;
import io.flotilla.flink.window.SlidingMaxFunction;
import io.flotilla.flink.window.WindowMax;
import io.flotilla.flink.window.WindowSpec;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The job's dataflow: source (parsed records) -> dead letters split off -> raw events written and
 * pre-aggregated per pane -> keyed by ticker -> sliding maxima and one-minute statistics, each to
 * its own exactly-once file sink.
 */
public final class FlotillaPipeline {

  private FlotillaPipeline() {}

  public static void build(
      StreamExecutionEnvironment env,
      Source<ParsedRecord, ?, ?> source,
      String sourceName,
      Outputs outputs,
      PipelineSettings settings) {
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    DataStream<ParsedRecord> input =
        env.fromSource(
                source,
                EventTimeStrategy.of(settings.maxOutOfOrderness(), settings.idleness()),
                sourceName)
            .uid("source");
    build(input, outputs, settings);
  }

  /** The dataflow after the source: {@code input} must carry event-time watermarks already. */
  public static void build(
      DataStream<ParsedRecord> input, Outputs outputs, PipelineSettings settings) {
    SingleOutputStreamOperator<ParsedEvent> events =
        input.process(new DeadLetterRouter()).uid("dead-letter-router").name("split dead letters");

    events
        .getSideOutput(DeadLetterRouter.DEAD_LETTERS)
        .sinkTo(FileSinks.deadLetters(outputs))
        .uid("dead-letter-sink")
        .name("dead letters");
    events.sinkTo(FileSinks.rawEvents(outputs)).uid("raw-sink").name("raw events");

    WindowSpec windows = settings.windows();
    KeyedStream<PriceSummary, String> byTicker =
        events
            .transform(
                "pane pre-aggregation",
                TypeInformation.of(PriceSummary.class),
                new PaneAggregator(windows.paneMillis()))
            .uid("panes")
            .keyBy(PriceSummary::ticker);

    byTicker
        .window(SlidingEventTimeWindows.of(windows.size(), windows.slide()))
        .reduce(PriceSummary::merge, new SlidingMaxFunction(), TypeInformation.of(WindowMax.class))
        .uid("sliding-max")
        .name("sliding max")
        .sinkTo(FileSinks.windowMax(outputs))
        .uid("window-max-sink")
        .name("window max");

    byTicker
        .window(TumblingEventTimeWindows.of(windows.statsWindow()))
        .reduce(
            PriceSummary::merge, new MinuteStatsFunction(), TypeInformation.of(MinuteStats.class))
        .uid("minute-stats")
        .name("minute stats")
        .sinkTo(FileSinks.minuteStats(outputs))
        .uid("minute-stats-sink")
        .name("minute stats");
  }
}
