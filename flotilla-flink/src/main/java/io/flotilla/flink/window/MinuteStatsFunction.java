package io.flotilla.flink.window;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a tumbling window's merged summary into its statistics. */
public final class MinuteStatsFunction
    extends ProcessWindowFunction<PriceSummary, MinuteStats, String, TimeWindow> {

  private static final long serialVersionUID = 1L;

  @Override
  public void process(
      String ticker, Context context, Iterable<PriceSummary> merged, Collector<MinuteStats> out) {
    TimeWindow window = context.window();
    for (PriceSummary summary : merged) {
      out.collect(MinuteStats.of(window.getStart(), window.getEnd(), summary));
    }
  }
}
