package io.flotilla.flink.window;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a sliding window's merged summary into its maximum. */
public final class SlidingMaxFunction
    extends ProcessWindowFunction<PriceSummary, WindowMax, String, TimeWindow> {

  private static final long serialVersionUID = 1L;

  @Override
  public void process(
      String ticker, Context context, Iterable<PriceSummary> merged, Collector<WindowMax> out) {
    for (PriceSummary summary : merged) {
      out.collect(new WindowMax(context.window().getEnd(), ticker, summary.max()));
    }
  }
}
