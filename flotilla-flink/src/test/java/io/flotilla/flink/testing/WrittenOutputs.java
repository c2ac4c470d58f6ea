package io.flotilla.flink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.flink.sink.CommittedLines;
import io.flotilla.flink.sink.Outputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads back what a job committed. */
public final class WrittenOutputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Outputs outputs;

  public WrittenOutputs(Outputs outputs) {
    this.outputs = outputs;
  }

  /** The ID of every committed raw event, duplicates kept. */
  public List<String> rawIds() throws IOException {
    List<String> ids = new ArrayList<>();
    CommittedLines.forEach(outputs.rawEvents(), line -> ids.add(json(line).path("ID").asText()));
    return ids;
  }

  public long rawCount() throws IOException {
    return CommittedLines.count(outputs.rawEvents());
  }

  /** {@code windowEnd,ticker} to max price; fails on a window written twice. */
  public Map<String, Double> slidingMaxima() throws IOException {
    Map<String, Double> maxima = new TreeMap<>();
    CommittedLines.forEach(
        outputs.windowMax(),
        line -> {
          String[] f = line.split(",");
          if (maxima.put(f[0] + "," + f[1], Double.parseDouble(f[2])) != null) {
            throw new AssertionError("window written twice: " + line);
          }
        });
    return maxima;
  }

  /** {@code windowStart,ticker} to the CSV fields; fails on a window written twice. */
  public Map<String, String[]> minuteStats() throws IOException {
    Map<String, String[]> stats = new TreeMap<>();
    CommittedLines.forEach(
        outputs.minuteStats(),
        line -> {
          String[] f = line.split(",");
          if (stats.put(f[0] + "," + f[2], f) != null) {
            throw new AssertionError("stats window written twice: " + line);
          }
        });
    return stats;
  }

  /** Dead letters as (reason, raw) pairs. */
  public List<String[]> deadLetters() throws IOException {
    List<String[]> letters = new ArrayList<>();
    CommittedLines.forEach(
        outputs.deadLetters(),
        line -> {
          JsonNode node = json(line);
          letters.add(new String[] {node.path("reason").asText(), node.path("raw").asText()});
        });
    return letters;
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
  }
}
