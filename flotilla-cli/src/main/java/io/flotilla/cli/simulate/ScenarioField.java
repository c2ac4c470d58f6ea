package io.flotilla.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One value of a scenario document with where it is, so that every problem found while reading it
 * names the file, the line and the field: {@code scenario.yaml:12: faults[0].nodes: must be at
 * least 1, got 0}.
 */
final class ScenarioField {
  private static final Pattern DAYS = Pattern.compile("(\\d+)d(.*)");

  private final Document doc;
  private final FieldPath path;
  private final JsonNode node;

  private ScenarioField(Document doc, FieldPath path, JsonNode node) {
    this.doc = doc;
    this.path = path;
    this.node = node;
  }

  static ScenarioField root(Document doc) {
    return new ScenarioField(doc, FieldPath.ROOT, doc.root());
  }

  ScenarioField child(String name) {
    JsonNode value = node == null || !node.isObject() ? null : node.get(name);
    return new ScenarioField(doc, path.child(name), value);
  }

  boolean present() {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  ScenarioException error(String problem) {
    return new ScenarioException(where() + problem);
  }

  /** The message prefix naming this field: {@code "s.yaml:12: faults[0].nodes: "}. */
  String where() {
    int line = doc.lines().lineOf(path);
    return doc.file() + (line > 0 ? ":" + line : "") + ": " + (path.isRoot() ? "" : path + ": ");
  }

  boolean isMapping() {
    return node != null && node.isObject();
  }

  /** The field as a mapping whose keys must all be among {@code allowed}. */
  ScenarioField mapping(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("expected a mapping, got " + describe());
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw child(name).error("unknown field (expected one of " + new TreeSet<>(allowed) + ")");
      }
    }
    return this;
  }

  /** The entries of a mapping with free keys, in file order. */
  Map<String, ScenarioField> entries() {
    if (!node.isObject()) {
      throw error("expected a mapping, got " + describe());
    }
    Map<String, ScenarioField> entries = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(n -> entries.put(n, child(n)));
    return entries;
  }

  List<ScenarioField> items() {
    if (!node.isArray()) {
      throw error("expected a list, got " + describe());
    }
    List<ScenarioField> items = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      items.add(new ScenarioField(doc, path.index(i), node.get(i)));
    }
    return items;
  }

  String text() {
    if (!node.isValueNode() || node.isNull()) {
      throw error("expected a text value, got " + describe());
    }
    String text = node.asText().trim();
    if (text.isEmpty()) {
      throw error("must not be empty");
    }
    return text;
  }

  double number() {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException e) {
        // reported below with the value
      }
    }
    throw error("expected a number, got " + describe());
  }

  double number(double min, double max) {
    double v = number();
    if (!Double.isFinite(v) || v < min || v > max) {
      throw error("must be between " + plain(min) + " and " + plain(max) + ", got " + plain(v));
    }
    return v;
  }

  int integer(int min, int max) {
    double v = number();
    if (v != Math.rint(v)) {
      throw error("expected a whole number, got " + plain(v));
    }
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + plain(v));
    }
    return (int) v;
  }

  long longValue() {
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    try {
      return Long.parseLong(text());
    } catch (NumberFormatException e) {
      throw error("expected a whole number, got " + describe());
    }
  }

  boolean bool() {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    throw error("expected true or false, got " + describe());
  }

  /** A duration as Karpenter writes them (30s, 10m, 1h30m) or in days (30d, 1d12h). */
  Duration duration() {
    String text = text();
    Matcher days = DAYS.matcher(text);
    try {
      if (days.matches()) {
        Duration rest =
            days.group(2).isEmpty()
                ? Duration.ZERO
                : GoDuration.parse(path, days.group(2), Duration.ZERO);
        return Duration.ofDays(Long.parseLong(days.group(1))).plus(rest);
      }
      Duration d = GoDuration.parse(path, text, null);
      if (d == null) {
        throw error("'Never' is not a duration here");
      }
      return d;
    } catch (FieldError e) {
      throw error(e.problem().replace("or Never", "or 30d"));
    }
  }

  Duration positiveDuration() {
    Duration d = duration();
    if (d.isZero() || d.isNegative()) {
      throw error("must be longer than 0");
    }
    return d;
  }

  private String describe() {
    if (!present()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "'" + node.asText() + "'";
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
