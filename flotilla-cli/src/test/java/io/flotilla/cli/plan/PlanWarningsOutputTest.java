package io.flotilla.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.Planner;
import io.flotilla.kube.manifest.Manifests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The reader's and the plan's warnings reach both stderr and the JSON, in that order. */
class PlanWarningsOutputTest {
  private final Manifests manifests =
      new Manifests(
          List.of(), List.of(), List.of(), List.of(), new TreeMap<>(), List.of("from the reader"));
  private final Plan plan = new Plan(List.of(), List.of(), List.of("from the planner"));

  @Test
  void warningsGoToStderrWithThePrefix() {
    StringWriter err = new StringWriter();
    Notes.print(new PrintWriter(err, true), manifests, plan);
    assertThat(err.toString().lines())
        .containsExactly("warning: from the reader", "warning: from the planner");
  }

  @Test
  void warningsGoToTheJson() throws Exception {
    StringWriter out = new StringWriter();
    PlanJson.write(
        new PrintWriter(out, true),
        new Planner.Outcome(plan, null),
        Notes.warnings(manifests, plan));
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(PlanJsonFixture.texts(json.get("warnings")))
        .containsExactly("from the reader", "from the planner");
  }
}
