package io.flotilla.kube.manifest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Builds one YAML document's Jackson tree straight from the parser's events, recording the line of
 * every key and list item; no YAML node tree is kept, which matters for a ConfigMap with hundreds
 * of thousands of keys. Aliases share the anchored value (at most {@value #MAX_ALIASED_COLLECTIONS}
 * aliases of collections per document, against alias bombs); merge keys ({@code <<}) are applied
 * with explicit keys winning and earlier merged mappings winning over later ones. A key given twice
 * in one mapping is an error, as kubectl makes it. Plain scalars follow the YAML 1.2 core schema
 * for null and booleans and stay text otherwise, so a string field keeps exactly what was written
 * ({@code version: 010}) and numeric fields are converted by the binder.
 */
final class YamlTree {
  private static final int MAX_DEPTH = 200;
  private static final int MAX_ALIASED_COLLECTIONS = 50;
  private static final String MERGE_KEY = "<<";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An anchored value and the lines inside it. */
  private record Anchored(JsonNode value, LineIndex lines) {}

  private final Path file;
  private final int index;
  private final Parser events;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private int aliasedCollections;
  private String kind = "";
  private String name = "";

  private YamlTree(Path file, int index, Parser events) {
    this.file = file;
    this.index = index;
    this.events = events;
  }

  /** Reads the root value of the document whose DocumentStart event was just consumed. */
  static Document read(Path file, int index, Parser events) {
    YamlTree tree = new YamlTree(file, index, events);
    Event first = events.next();
    LineIndex lines = new LineIndex(line(first));
    JsonNode root = tree.value(first, lines, Trail.ROOT, 0);
    return new Document(file, index, FieldPath.ROOT, root, lines);
  }

  private JsonNode value(Event first, LineIndex here, Trail at, int depth) {
    if (depth > MAX_DEPTH) {
      throw fail(at, line(first), "nested too deeply");
    }
    JsonNode value =
        switch (first.getEventId()) {
          case MappingStart -> mapping(here, at, depth);
          case SequenceStart -> sequence(here, at, depth);
          case Scalar -> scalar((ScalarEvent) first);
          case Alias -> alias((AliasEvent) first, here, at);
          default -> throw fail(at, line(first), "unexpected " + first.getEventId());
        };
    if (first instanceof NodeEvent n && !(first instanceof AliasEvent)) {
      n.getAnchor().map(Anchor::getValue).ifPresent(a -> anchors.put(a, new Anchored(value, here)));
    }
    return value;
  }

  private ObjectNode mapping(LineIndex here, Trail at, int depth) {
    ObjectNode object = NODES.objectNode();
    List<Anchored> merged = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    while (!events.checkEvent(Event.ID.MappingEnd)) {
      Event key = events.next();
      int keyLine = line(key);
      if (!(key instanceof ScalarEvent k)) {
        throw fail(at, keyLine, "complex mapping keys are not supported");
      }
      if (isMergeKey(k)) {
        merge(events.next(), merged, at, depth);
        continue;
      }
      String field = k.getValue();
      Integer first = seen.putIfAbsent(field, keyLine);
      if (first != null) {
        throw fail(
            at.child(field),
            keyLine,
            "duplicate key (first given at line " + first + "); kubectl rejects it");
      }
      LineIndex child = here.field(field, keyLine);
      JsonNode value = value(events.next(), child, at.child(field), depth + 1);
      object.set(field, value);
      noteSubject(at, field, value);
    }
    events.next();
    for (Anchored source : merged) {
      for (Map.Entry<String, JsonNode> e : source.value().properties()) {
        if (!object.has(e.getKey())) {
          object.set(e.getKey(), e.getValue());
          here.takeField(e.getKey(), source.lines());
        }
      }
    }
    return object;
  }

  /** Collects the mappings a merge key names, in order (earlier ones win). */
  private void merge(Event source, List<Anchored> into, Trail at, int depth) {
    Trail mergeAt = at.child(MERGE_KEY);
    switch (source.getEventId()) {
      case Alias, MappingStart -> into.add(mergedMapping(source, mergeAt, depth));
      case SequenceStart -> {
        while (!events.checkEvent(Event.ID.SequenceEnd)) {
          into.add(mergedMapping(events.next(), mergeAt, depth));
        }
        events.next();
      }
      default ->
          throw fail(mergeAt, line(source), "a merge key needs a mapping or a list of mappings");
    }
  }

  private Anchored mergedMapping(Event source, Trail at, int depth) {
    LineIndex lines = new LineIndex(line(source));
    JsonNode value =
        source.getEventId() == Event.ID.Alias || source.getEventId() == Event.ID.MappingStart
            ? value(source, lines, at, depth + 1)
            : null;
    if (!(value instanceof ObjectNode)) {
      throw fail(at, line(source), "a merge key needs a mapping or a list of mappings");
    }
    return new Anchored(value, lines);
  }

  private ArrayNode sequence(LineIndex here, Trail at, int depth) {
    ArrayNode array = NODES.arrayNode();
    while (!events.checkEvent(Event.ID.SequenceEnd)) {
      Event item = events.next();
      array.add(value(item, here.item(line(item)), at.index(array.size()), depth + 1));
    }
    events.next();
    return array;
  }

  private JsonNode alias(AliasEvent alias, LineIndex here, Trail at) {
    String anchor = alias.getAlias().getValue();
    Anchored target = anchors.get(anchor);
    if (target == null) {
      throw fail(at, line(alias), "unknown alias *" + anchor + " (or one inside its own anchor)");
    }
    if (target.value().isContainerNode() && ++aliasedCollections > MAX_ALIASED_COLLECTIONS) {
      throw fail(
          at,
          line(alias),
          "more than " + MAX_ALIASED_COLLECTIONS + " aliases of mappings or lists in one document");
    }
    here.share(target.lines());
    return target.value();
  }

  /**
   * A plain scalar is null or a boolean when the YAML 1.2 core schema says so (checked directly:
   * the schema's regular expressions cost more than parsing), or when its explicit tag says so;
   * anything else is text.
   */
  private static JsonNode scalar(ScalarEvent e) {
    String value = e.getValue();
    if (e.getScalarStyle() != ScalarStyle.PLAIN) {
      return NODES.textNode(value);
    }
    String tag = e.getTag().filter(t -> !t.equals("!")).orElse(null);
    if (tag == null ? isCoreNull(value) : tag.equals(Tag.NULL.getValue())) {
      return NODES.nullNode();
    }
    if ((tag == null || tag.equals(Tag.BOOL.getValue())) && isCoreBool(value)) {
      return NODES.booleanNode(value.charAt(0) == 't' || value.charAt(0) == 'T');
    }
    return NODES.textNode(value);
  }

  private static boolean isCoreNull(String v) {
    return switch (v) {
      case "", "~", "null", "Null", "NULL" -> true;
      default -> false;
    };
  }

  private static boolean isCoreBool(String v) {
    return switch (v) {
      case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
      default -> false;
    };
  }

  private static boolean isMergeKey(ScalarEvent key) {
    return key.getScalarStyle() == ScalarStyle.PLAIN
        && key.getTag().isEmpty()
        && MERGE_KEY.equals(key.getValue());
  }

  /** Remembers kind and metadata.name as they go by, to name the object in messages. */
  private void noteSubject(Trail at, String field, JsonNode value) {
    if (!value.isTextual()) {
      return;
    }
    if (at.parent() == null && field.equals("kind")) {
      kind = value.asText();
    } else if (at.parent() != null
        && at.parent().parent() == null
        && "metadata".equals(at.segment())
        && field.equals("name")
        && name.isEmpty()) {
      name = value.asText();
    }
  }

  static int line(Event event) {
    return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private SourceException fail(Trail at, int line, String problem) {
    String subject = kind.isEmpty() ? name : name.isEmpty() ? kind : kind + "/" + name;
    return new SourceException(
        new Location(file, index, line, at.toPath().toString(), subject), problem, null);
  }
}
