package io.flotilla.cli.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code flotilla simulate --output json}, a contract documented in the README: {@code scenario},
 * {@code seed}, {@code durationSeconds} ({@code warmUpSeconds} when the figures count only after a
 * warm-up), then for one strategy its {@code strategy} and figures at the top level, and under
 * {@code --compare} a {@code strategies} object with each strategy's figures by name.
 */
final class SimulationJson {
  private SimulationJson() {}

  static void write(PrintWriter out, SimulationResults results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", results.scenario());
    root.put("seed", results.seed());
    root.put("durationSeconds", results.duration().toSeconds());
    if (!results.warmUp().isZero()) {
      root.put("warmUpSeconds", results.warmUp().toSeconds());
    }
    List<SimulationResults.StrategyRun> runs = results.runs();
    if (results.compared()) {
      Map<String, Object> strategies = new LinkedHashMap<>();
      runs.forEach(r -> strategies.put(r.strategy().label(), r.figures()));
      root.put("strategies", strategies);
    } else {
      root.put("strategy", runs.get(0).strategy().label());
      root.putAll(runs.get(0).figures());
    }
    try {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
              .writeValueAsString(root)
              .replace("\r\n", "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
