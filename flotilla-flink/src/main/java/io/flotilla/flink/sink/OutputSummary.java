package io.flotilla.flink.sink;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many committed lines each output holds, keyed by its location. */
public record OutputSummary(Map<String, Long> linesByOutput) {

  public OutputSummary {
    linesByOutput = Collections.unmodifiableMap(new LinkedHashMap<>(linesByOutput));
  }

  public static OutputSummary of(Outputs outputs) throws IOException {
    Map<String, Long> lines = new LinkedHashMap<>();
    lines.put(outputs.rawEvents(), CommittedLines.count(outputs.rawEvents()));
    lines.put(outputs.windowMax(), CommittedLines.count(outputs.windowMax()));
    lines.put(outputs.minuteStats(), CommittedLines.count(outputs.minuteStats()));
    lines.put(outputs.deadLetters(), CommittedLines.count(outputs.deadLetters()));
    return new OutputSummary(lines);
  }

  public long lines(String output) {
    return linesByOutput.getOrDefault(output, 0L);
  }
}
