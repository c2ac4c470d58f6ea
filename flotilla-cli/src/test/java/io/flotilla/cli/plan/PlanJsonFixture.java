package io.flotilla.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.testing.CliRun;
import io.flotilla.cli.testing.Shared;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code flotilla plan -o json} and reads the result. */
final class PlanJsonFixture {
  private PlanJsonFixture() {}

  /** The plan of a run that must succeed (exit 0). */
  static JsonNode plan(String... args) {
    CliRun run = run(args);
    if (run.exitCode() != 0) {
      throw new AssertionError("exit " + run.exitCode() + ": " + run.err());
    }
    return json(run);
  }

  /** {@code flotilla plan -o json ARGS}, whatever its exit code. */
  static CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("plan", "-o", "json"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  static JsonNode json(CliRun run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (JsonProcessingException e) {
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

  /** The README's Flink reference command: TaskManagers at the HPA maximum, then {@code more}. */
  static String[] flinkArmAtMax(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f", Shared.seed("flink-arm.yaml").toString(),
                "-f", Shared.seed("provisioners-arm.yaml").toString(),
                "-f", Shared.seed("provisioners-x86.yaml").toString(),
                "-f", Shared.seed("managed-nodegroup.yaml").toString(),
                "--replicas-at", "max"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A planner-regression fixture with the node class beside it, then {@code more}. */
  static String[] regression(String file, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f", Shared.fixtures().resolve("planner-regressions").resolve(file).toString(),
                "-f",
                    Shared.fixtures()
                        .resolve("planner-regressions")
                        .resolve("nodeclass.yaml")
                        .toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
