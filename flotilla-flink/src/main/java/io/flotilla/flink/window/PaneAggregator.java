package io.flotilla.flink.window;

import io.flotilla.flink.event.ParsedEvent;
import io.flotilla.flink.event.TickerEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Local pre-aggregation before the shuffle: sums events per (ticker, pane) in memory and emits one
 * {@link PriceSummary} per pane, stamped with the pane's last millisecond, so the keyed windows
 * downstream see a handful of summaries instead of every event.
 *
 * <p>It holds no checkpointed state: every open pane is emitted before a checkpoint barrier (and at
 * end of input), so a restore never loses or doubles a pane. Lateness is decided downstream by the
 * window operator exactly as for single events, because every window is a union of panes.
 */
public final class PaneAggregator extends AbstractStreamOperator<PriceSummary>
    implements OneInputStreamOperator<ParsedEvent, PriceSummary> {

  private static final long serialVersionUID = 1L;
  private final long paneMillis;
  private transient Map<PaneKey, PaneAccumulator> panes;

  public PaneAggregator(long paneMillis) {
    if (paneMillis <= 0) {
      throw new IllegalArgumentException("paneMillis must be positive, was " + paneMillis);
    }
    this.paneMillis = paneMillis;
  }

  @Override
  public void open() throws Exception {
    super.open();
    panes = new HashMap<>();
  }

  @Override
  public void processElement(StreamRecord<ParsedEvent> element) {
    TickerEvent event = element.getValue().event();
    long paneStart = Math.floorDiv(event.eventTimeMillis(), paneMillis) * paneMillis;
    panes
        .computeIfAbsent(
            new PaneKey(event.ticker(), paneStart), key -> new PaneAccumulator(key.ticker()))
        .add(event);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    Iterator<Map.Entry<PaneKey, PaneAccumulator>> open = panes.entrySet().iterator();
    while (open.hasNext()) {
      Map.Entry<PaneKey, PaneAccumulator> pane = open.next();
      if (lastMillis(pane.getKey()) <= mark.getTimestamp()) {
        emit(pane.getKey(), pane.getValue());
        open.remove();
      }
    }
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    emitAll();
  }

  @Override
  public void finish() throws Exception {
    emitAll();
    super.finish();
  }

  private void emitAll() {
    panes.forEach(this::emit);
    panes.clear();
  }

  private void emit(PaneKey key, PaneAccumulator pane) {
    output.collect(new StreamRecord<>(pane.toSummary(), lastMillis(key)));
  }

  private long lastMillis(PaneKey key) {
    return key.paneStart() + paneMillis - 1;
  }

  private record PaneKey(String ticker, long paneStart) {}
}
