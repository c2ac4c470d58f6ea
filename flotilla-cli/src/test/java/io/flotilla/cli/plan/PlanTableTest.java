package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.flinkArmAtMax;
import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static io.flotilla.cli.plan.PlanJsonFixture.regression;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.CliRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table adds up: the cost is the new nodes' rows, existing nodes are shown but not counted. */
class PlanTableTest {
  private static final int PRICE_COLUMN = 7;
  private static final int BAND_COLUMN = 4;

  @Test
  void theCostIsTheSumOfTheNewNodesRowsAndMatchesTheJsonToTheCent() {
    CliRun table = table(flinkArmAtMax());
    JsonNode json = plan(flinkArmAtMax());
    BigDecimal rows = BigDecimal.ZERO;
    int newRows = 0;
    for (String[] row : rows(table.out())) {
      if (!row[1].equals("(existing)")) {
        rows = rows.add(new BigDecimal(row[PRICE_COLUMN]));
        newRows++;
      }
    }
    assertThat(newRows).isEqualTo(PlanJsonFixture.newNodes(json).size());
    BigDecimal cost = BigDecimal.valueOf(json.get("costPerHour").asDouble());
    // Rows have four decimals: their sum is the cost within half a unit of the fourth per row.
    assertThat(rows.subtract(cost).abs().doubleValue()).isLessThanOrEqualTo(newRows * 0.00005);
    Matcher total =
        find(
            table.out(),
            "New nodes: (\\d+), cost \\$(\\d+\\.\\d\\d)/hour \\(\\$(\\d+\\.\\d\\d)/month\\)");
    assertThat(Integer.parseInt(total.group(1))).isEqualTo(newRows);
    assertThat(total.group(2)).isEqualTo(cents(cost)).isEqualTo(cents(rows));
    assertThat(total.group(3)).isEqualTo(cents(cost.multiply(BigDecimal.valueOf(730))));
  }

  @Test
  void existingNodesShowTheirPriceButAreNotCounted() {
    String out = table(flinkArmAtMax()).out();
    List<String[]> existing = rows(out).stream().filter(r -> r[1].equals("(existing)")).toList();
    assertThat(existing).hasSize(1);
    assertThat(existing.get(0)[PRICE_COLUMN]).isEqualTo("(0.1920)");
    assertThat(out)
        .contains("Existing nodes: 1, $0.19/hour already running")
        .contains("not counted in the cost");
  }

  @Test
  void nothingLaunchedMeansNoCostAndNoSavingLine() {
    CliRun run = table(regression("s13-soft-existing.yaml"));
    assertThat(run.exitCode()).isZero();
    assertThat(plan(regression("s13-soft-existing.yaml")).get("costPerHour").asDouble()).isZero();
    assertThat(run.out())
        .contains("No new nodes.")
        .contains("Existing nodes: 2")
        .doesNotContain("New nodes:")
        .doesNotContain("on-demand x86")
        .doesNotContain("saved")
        .doesNotContain("the same")
        .doesNotContain("$0.00");
  }

  @Test
  void moneyIsPrintedToTheCentInTheTotals() {
    String out = table(flinkArmAtMax("--lower-bound")).out();
    Matcher m = Pattern.compile("\\$(\\d+\\.\\d+)").matcher(out);
    int seen = 0;
    while (m.find()) {
      assertThat(m.group(1)).as(m.group()).matches("\\d+\\.\\d\\d");
      seen++;
    }
    assertThat(seen).isGreaterThanOrEqualTo(5);
  }

  @Test
  void theBandColumnShowsEachSpotNodesInterruptionBand() {
    String out = table(flinkArmAtMax()).out();
    assertThat(out.lines().findFirst().orElseThrow().split("\\s+")[BAND_COLUMN]).isEqualTo("BAND");
    Map<String, String> bands = new HashMap<>();
    for (JsonNode n : plan(flinkArmAtMax()).get("nodes")) {
      bands.put(
          n.get("name").asText(),
          n.get("interruptionBand").isNull() ? "-" : n.get("interruptionBand").asText());
    }
    int spot = 0;
    for (String[] row : rows(out)) {
      assertThat(row[BAND_COLUMN]).as(row[0]).isEqualTo(bands.get(row[0]));
      if (row[3].equals("spot")) {
        assertThat(row[BAND_COLUMN]).isNotEqualTo("-");
        spot++;
      } else {
        assertThat(row[BAND_COLUMN]).isEqualTo("-");
      }
    }
    assertThat(spot).isPositive();
  }

  @Test
  void theLowerBoundIsPrintedWithItsKind() {
    String out = table(flinkArmAtMax("--lower-bound")).out();
    JsonNode json = plan(flinkArmAtMax("--lower-bound"));
    Matcher m =
        find(
            out,
            "LP lower bound: \\$(\\d+\\.\\d\\d)/hour \\(([a-z-]+)[^)]*\\), plan / bound = ([0-9.]+)");
    assertThat(m.group(1))
        .isEqualTo(cents(BigDecimal.valueOf(json.get("lowerBoundPerHour").asDouble())));
    assertThat(m.group(2)).isEqualTo(json.get("lowerBound").get("kind").asText());
    assertThat(Double.parseDouble(m.group(3))).isGreaterThanOrEqualTo(1.0);
  }

  private static CliRun table(String... args) {
    List<String> all = new ArrayList<>(List.of("plan"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }

  /** The node rows: the lines after the header up to the first blank line, split on spaces. */
  private static List<String[]> rows(String out) {
    List<String[]> rows = new ArrayList<>();
    for (String line : out.lines().skip(1).toList()) {
      if (line.isBlank()) {
        break;
      }
      rows.add(line.split("\\s+"));
    }
    return rows;
  }

  private static Matcher find(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    assertThat(m.find()).as(regex + " in\n" + out).isTrue();
    return m;
  }

  private static String cents(BigDecimal usd) {
    return usd.setScale(6, RoundingMode.HALF_EVEN)
        .setScale(2, RoundingMode.HALF_UP)
        .toPlainString();
  }
}
