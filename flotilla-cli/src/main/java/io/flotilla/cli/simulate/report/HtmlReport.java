package io.flotilla.cli.simulate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.sim.metrics.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the {@code flotilla simulate --report} page: one self-contained HTML file (uPlot, its CSS
 * and the data inlined, a Content-Security-Policy that forbids every fetch) with a comparison table
 * of the figures, rendered here, and charts over time, drawn by the page's script.
 *
 * <p>The page reports how its script went on the root element: {@code data-report} is {@code
 * pending} until every chart has drawn, then {@code ok}, or {@code error: ...} after any script
 * error; {@code data-charts} counts the charts.
 */
public final class HtmlReport {
  /** Series colours of the strategies, in input order; the table's swatches use the same. */
  static final List<String> PALETTE =
      List.of("#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#e377c2", "#bcbd22");

  private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  // Thread-safe once configured; never reconfigured.
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  /** Writes the whole page to {@code out} (not closed). */
  public static void write(ReportInput input, Writer out) throws IOException {
    String uplotDir = WEBJAR + uplotVersion() + "/dist/";
    String uplotJs = resource(uplotDir + "uPlot.iife.min.js");
    String uplotCss = resource(uplotDir + "uPlot.min.css");

    StringBuilder html = new StringBuilder(uplotJs.length() + 64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\" data-report=\"pending\" data-charts=\"0\">\n");
    html.append("<head>\n<meta charset=\"utf-8\">\n");
    // The page must open offline and never reach out, whatever the data says.
    html.append(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<title>Flotilla simulation: ")
        .append(escape(input.scenario()))
        .append("</title>\n");
    // First script of the page, so that it also sees the failures of the ones after it.
    html.append("<script>").append(ReportPage.ERROR_HANDLER).append("</script>\n");
    html.append("<style>").append(uplotCss).append("</style>\n");
    html.append("<style>").append(ReportPage.CSS).append(swatchCss()).append("</style>\n");
    html.append("</head>\n<body>\n");

    html.append("<header>\n<h1>Flotilla simulation report</h1>\n<p class=\"meta\">");
    html.append("Scenario <strong>").append(escape(input.scenario())).append("</strong>");
    html.append(" &middot; seed ").append(input.seed());
    html.append(" &middot; ").append(input.strategies().size()).append(" strategies");
    double span = span(input);
    if (span > 0) {
      html.append(" &middot; ").append(duration(span)).append(" simulated");
    }
    html.append("</p>\n</header>\n");

    html.append("<section>\n<h2>Figures</h2>\n");
    appendTable(input.strategies(), html);
    html.append("</section>\n");

    html.append("<section id=\"charts\"></section>\n");
    html.append("<noscript><p class=\"note\">The charts need JavaScript.</p></noscript>\n");

    html.append("<script type=\"application/json\" id=\"report-data\">");
    html.append(scriptSafeJson(data(input)));
    html.append("</script>\n");
    html.append("<script>\n").append(uplotJs).append("\n</script>\n");
    html.append("<script>\n").append(ReportPage.SCRIPT).append("</script>\n");
    html.append("</body>\n</html>\n");
    out.write(html.toString());
  }

  // ---- the table ----------------------------------------------------------------------------

  private record Row(String label, int depth, boolean group, List<JsonNode> cells) {}

  private static void appendTable(List<StrategyReport> strategies, StringBuilder html) {
    List<JsonNode> figures = new ArrayList<>();
    for (StrategyReport s : strategies) {
      // Jackson turns records, POJOs and maps alike into one tree of objects and numbers.
      figures.add(JSON.valueToTree(s.figures()));
    }
    List<Row> rows = new ArrayList<>();
    addRows(figures, 0, rows);

    html.append("<table class=\"figures\">\n<thead><tr><th>figure</th>");
    for (int i = 0; i < strategies.size(); i++) {
      html.append("<th class=\"num\"><span class=\"swatch sw-")
          .append(i % PALETTE.size())
          .append("\"></span>")
          .append(escape(strategies.get(i).strategy()))
          .append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Row row : rows) {
      html.append("<tr")
          .append(row.group() ? " class=\"group\"" : "")
          .append("><th class=\"d")
          .append(Math.min(row.depth(), 3))
          .append("\">")
          .append(escape(row.label()))
          .append("</th>");
      for (JsonNode cell : row.cells()) {
        html.append("<td class=\"num\">")
            .append(row.group() && cell.isObject() ? "" : escape(format(cell)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  /** One row per key, in first-seen order across strategies; a nested object opens a group. */
  private static void addRows(List<JsonNode> values, int depth, List<Row> rows) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode v : values) {
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
    }
    for (String key : keys) {
      List<JsonNode> cells = new ArrayList<>();
      boolean nested = false;
      for (JsonNode v : values) {
        JsonNode cell = v.path(key);
        nested |= cell.isObject();
        cells.add(cell);
      }
      rows.add(new Row(key, depth, nested, cells));
      if (nested) {
        List<JsonNode> children = new ArrayList<>();
        for (JsonNode cell : cells) {
          children.add(cell.isObject() ? cell : JsonNodeFactory.instance.objectNode());
        }
        addRows(children, depth + 1, rows);
      }
    }
  }

  static String format(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "\u2013";
    }
    if (value.isIntegralNumber()) {
      return String.format(Locale.ROOT, "%,d", value.longValue());
    }
    if (value.isNumber()) {
      return formatDouble(value.doubleValue());
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(format(v)));
      return String.join(", ", parts);
    }
    if (value.isObject()) {
      return value.toString();
    }
    return value.asText();
  }

  private static String formatDouble(double v) {
    double abs = Math.abs(v);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    } else if (abs == 0) {
      return "0";
    } else if (abs >= 1000) {
      return String.format(Locale.ROOT, "%,.1f", v);
    } else if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    // Small figures (a few cents, a fraction of a second) keep three significant digits.
    return String.format(Locale.ROOT, "%.3g", v);
  }

  // ---- the data the script draws --------------------------------------------------------------

  private static ObjectNode data(ReportInput input) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", input.scenario());
    ArrayNode palette = root.putArray("palette");
    PALETTE.forEach(palette::add);
    ObjectNode markerColors = root.putObject("markerColors");
    markerColors.put("interruption", "#d62728");
    markerColors.put("consolidation", "#555555");
    markerColors.put("emptiness", "#aaaaaa");
    markerColors.put("expiry", "#8c564b");
    markerColors.put("fault", "#ff7f0e");
    markerColors.put("other", "#b5179e");
    ArrayNode strategies = root.putArray("strategies");
    for (int i = 0; i < input.strategies().size(); i++) {
      strategies.add(strategy(input.strategies().get(i), i));
    }
    return root;
  }

  private static ObjectNode strategy(StrategyReport report, int index) {
    List<Timeline.Sample> samples = report.timeline().samples();
    ObjectNode s = JSON.createObjectNode();
    s.put("name", report.strategy());
    s.put("index", index);
    Set<String> keys = new TreeSet<>();
    samples.forEach(sample -> keys.addAll(sample.nodes().keySet()));
    ArrayNode nodeKeys = s.putArray("nodeKeys");
    keys.forEach(nodeKeys::add);
    ArrayNode t = s.putArray("t");
    ArrayNode cost = s.putArray("cost");
    ArrayNode pending = s.putArray("pending");
    ArrayNode tm = s.putArray("tm");
    ArrayNode inputRate = s.putArray("input");
    ArrayNode lag = s.putArray("lag");
    for (Timeline.Sample sample : samples) {
      t.add(round(sample.atSeconds(), 3));
      cost.add(round(sample.costPerHour(), 4));
      pending.add(sample.pendingPods());
      tm.add(sample.taskManagers());
      inputRate.add(round(sample.inputRate(), 2));
      lag.add(round(sample.lagSeconds(), 2));
    }
    ArrayNode nodes = s.putArray("nodes");
    for (String key : keys) {
      ArrayNode column = nodes.addArray();
      samples.forEach(sample -> column.add(sample.nodes().getOrDefault(key, 0)));
    }
    ArrayNode markers = s.putArray("markers");
    for (Timeline.Marker m : report.timeline().markers()) {
      markers
          .addObject()
          .put("t", round(m.atSeconds(), 3))
          .put("kind", m.kind())
          .put("label", m.label());
    }
    return s;
  }

  /**
   * The data as JSON that cannot end its {@code <script>} element: every {@code <} (only ever
   * inside a string) becomes {@code \u003c}, so neither {@code </script>} nor {@code <!--} in a
   * name or label reaches the HTML parser.
   */
  static String scriptSafeJson(JsonNode data) {
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double round(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return 0; // JSON has no NaN; a gap in one sample is not worth failing the report
    }
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static double span(ReportInput input) {
    double span = 0;
    for (StrategyReport s : input.strategies()) {
      for (Timeline.Sample sample : s.timeline().samples()) {
        span = Math.max(span, sample.atSeconds());
      }
    }
    return span;
  }

  static String duration(double seconds) {
    if (seconds >= 2 * 86400) {
      return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    } else if (seconds >= 2 * 3600) {
      return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
    }
    return String.format(Locale.ROOT, "%.0f minutes", seconds / 60);
  }

  private static String swatchCss() {
    StringBuilder css = new StringBuilder();
    for (int i = 0; i < PALETTE.size(); i++) {
      css.append(".sw-").append(i).append("{background:").append(PALETTE.get(i)).append("}\n");
    }
    return css.toString();
  }

  /** Text for an HTML element or a quoted attribute. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The uPlot version on the classpath, so the pom alone pins it. */
  private static String uplotVersion() throws IOException {
    Properties pom = new Properties();
    try (InputStream in = open(WEBJAR_POM)) {
      pom.load(in);
    }
    return pom.getProperty("version");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = open(path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Inlined verbatim: a closing tag inside would end its element early.
      if (text.toLowerCase(Locale.ROOT).contains("</script") || text.contains("</style")) {
        throw new IOException(path + " contains a closing tag and cannot be inlined");
      }
      return text;
    }
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("not on the classpath: " + path + " (org.webjars.npm:uplot)");
    }
    return in;
  }
}
