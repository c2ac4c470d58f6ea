package io.flotilla.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.testing.CliRun;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code flotilla plan -o json} and reads the result. */
final class PlanJsonFixture {
  private PlanJsonFixture() {}

  static JsonNode plan(String... args) {
    List<String> all = new ArrayList<>(List.of("plan", "-o", "json"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    if (run.exitCode() != 0) {
      throw new AssertionError("exit " + run.exitCode() + ": " + run.err());
    }
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> newNodes(JsonNode plan) {
    List<JsonNode> out = new ArrayList<>();
    plan.get("nodes")
        .forEach(
            n -> {
              if (!n.get("existing").asBoolean()) {
                out.add(n);
              }
            });
    return out;
  }
}
