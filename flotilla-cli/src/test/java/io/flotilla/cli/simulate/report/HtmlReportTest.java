package io.flotilla.cli.simulate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.sim.metrics.Timeline;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  /** Would mark the page hijacked if it ran; nothing in it blocks a headless browser. */
  static final String HOSTILE =
      "</script><script>document.documentElement.dataset.report='pwned'</script><b onclick=x()>";

  static String render(ReportInput input) throws IOException {
    StringWriter out = new StringWriter();
    HtmlReport.write(input, out);
    return out.toString();
  }

  @Test
  void pageReferencesNothingOutsideItself() throws IOException {
    String html = render(SyntheticRuns.twoStrategies("on-demand", "reclaimed"));

    Pattern external =
        Pattern.compile(
            "(?i)(\\b(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//)|url\\(\\s*[\"']?\\s*(https?:)?//|@import");
    assertThat(external.matcher(html).find()).as("an external src/href/url()/@import").isFalse();
    assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc=").doesNotContain("<link");
    // uPlot itself is inlined, and the page forbids every fetch.
    assertThat(html).contains("var uPlot=function()").contains("default-src 'none'");
  }

  @Test
  void hostileStrategyNameAndLabelStayText() throws IOException {
    String html = render(SyntheticRuns.twoStrategies(HOSTILE, HOSTILE));

    // Exactly the page's own four scripts are closed: none was closed or opened by the data.
    assertThat(count(html, "</script>")).isEqualTo(4);
    assertThat(count(html, "<script")).isEqualTo(4);
    assertThat(html).doesNotContain("<b onclick").doesNotContain("'pwned'</script>");
    assertThat(html)
        .contains(
            "&lt;/script&gt;&lt;script&gt;document.documentElement.dataset.report=&#39;pwned&#39;"
                + "&lt;/script&gt;&lt;b onclick=x()&gt;");
    assertThat(html)
        .contains("\\u003c/script>\\u003cscript>document.documentElement.dataset.report='pwned'");
  }

  @Test
  void tableListsEveryFigureInOrderWithNestedMapsIndented() throws IOException {
    String html = render(SyntheticRuns.twoStrategies("on-demand", "reclaimed"));
    String table =
        html.substring(html.indexOf("<table class=\"figures\">"), html.indexOf("</table>"));

    assertThat(table)
        .containsSubsequence(
            ">totalCost<",
            ">412.37<",
            ">655.02<",
            "<tr class=\"group\"><th class=\"d0\">costByCapacityType</th><td class=\"num\"></td>",
            "<th class=\"d1\">on-demand</th>",
            "<th class=\"d1\">spot</th>",
            ">costByArch<",
            ">nodeHours<",
            ">1,234.5<",
            ">maxNodes<",
            ">31<",
            ">podPendingSeconds<",
            ">p50<",
            ">p99<",
            ">61.50<",
            ">max<",
            ">0.00420<",
            ">interruptions<",
            ">podsEvicted<",
            ">pdbViolations<",
            ">flinkRestarts<",
            ">flinkMaxLagSeconds<",
            ">95.25<");
    assertThat(table).contains("<span class=\"swatch sw-1\"></span>on-demand</th>");
  }

  @Test
  void figuresAbsentFromOneStrategyShowADash() throws IOException {
    ReportInput input =
        new ReportInput(
            "s",
            1,
            List.of(
                new StrategyReport("a", Map.of("onlyHere", 2), Timeline.EMPTY),
                new StrategyReport("b", Map.of(), Timeline.EMPTY)));

    assertThat(render(input))
        .contains(
            "<th class=\"d0\">onlyHere</th><td class=\"num\">2</td><td class=\"num\">\u2013</td>");
  }

  @Test
  void dataCarriesEverySampleAndMarker() throws IOException {
    ReportInput input = SyntheticRuns.twoStrategies("on-demand", "reclaimed");
    String html = render(input);
    Matcher data =
        Pattern.compile(
                "<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(data.find()).isTrue();

    JsonNode tree = new ObjectMapper().readTree(data.group(1));
    JsonNode first = tree.path("strategies").path(0);
    assertThat(first.path("t")).hasSize(SyntheticRuns.SAMPLES);
    assertThat(first.path("nodeKeys").toString())
        .isEqualTo("[\"amd64/on-demand\",\"amd64/spot\",\"arm64/on-demand\",\"arm64/spot\"]");
    assertThat(first.path("nodes")).hasSize(4);
    assertThat(first.path("markers"))
        .hasSize(input.strategies().get(0).timeline().markers().size());
    // A key a sample lacks counts 0 rather than leaving a hole.
    assertThat(tree.path("strategies").path(1).path("nodeKeys")).hasSize(2);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
