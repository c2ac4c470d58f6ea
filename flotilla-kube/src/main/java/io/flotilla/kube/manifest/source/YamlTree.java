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
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns one composed YAML document into a Jackson tree, recording the line of every key and list
 * item. Aliases arrive expanded; merge keys ({@code <<}) are applied with explicit keys winning. A
 * key given twice in one mapping is an error, as kubectl makes it. Plain scalars follow the YAML
 * 1.2 core schema for null and booleans and stay text otherwise, so a string field keeps exactly
 * what was written ({@code version: 010}) and numeric fields are converted by the binder.
 */
final class YamlTree {
  private static final int MAX_DEPTH = 200;
  private static final String MERGE_KEY = "<<";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Path file;
  private final int index;
  private final Node document;

  private YamlTree(Path file, int index, Node document) {
    this.file = file;
    this.index = index;
    this.document = document;
  }

  static Document toDocument(Path file, int index, Node node) {
    YamlTree tree = new YamlTree(file, index, node);
    LineIndex lines = new LineIndex(line(node));
    JsonNode root = tree.convert(node, lines, Trail.ROOT, 0);
    return new Document(file, index, FieldPath.ROOT, root, lines);
  }

  private JsonNode convert(Node node, LineIndex here, Trail at, int depth) {
    if (depth > MAX_DEPTH) {
      throw fail(at, line(node), "nested too deeply (a recursive alias?)");
    }
    if (node instanceof MappingNode m) {
      return mapping(m, here, at, depth);
    }
    if (node instanceof SequenceNode s) {
      ArrayNode array = NODES.arrayNode();
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        array.add(convert(item, here.item(line(item)), at.index(i), depth + 1));
      }
      return array;
    }
    return scalar((ScalarNode) node);
  }

  private ObjectNode mapping(MappingNode node, LineIndex here, Trail at, int depth) {
    ObjectNode object = NODES.objectNode();
    List<NodeTuple> explicit = new ArrayList<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      if (isMergeKey(t.getKeyNode())) {
        merges.add(t.getValueNode());
      } else {
        explicit.add(t);
      }
    }
    for (int i = merges.size() - 1; i >= 0; i--) {
      merge(object, here, merges.get(i), at, depth);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (NodeTuple t : explicit) {
      int keyLine = line(t.getKeyNode());
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw fail(at, keyLine, "complex mapping keys are not supported");
      }
      String name = key.getValue();
      Integer first = seen.putIfAbsent(name, keyLine);
      if (first != null) {
        throw fail(
            at.child(name),
            keyLine,
            "duplicate key (first given at line " + first + "); kubectl rejects it");
      }
      LineIndex child = here.field(name, keyLine);
      object.set(name, convert(t.getValueNode(), child, at.child(name), depth + 1));
    }
    return object;
  }

  private void merge(ObjectNode into, LineIndex here, Node source, Trail at, int depth) {
    if (source instanceof SequenceNode list) {
      for (int i = list.getValue().size() - 1; i >= 0; i--) {
        merge(into, here, list.getValue().get(i), at, depth);
      }
    } else if (source instanceof MappingNode m) {
      LineIndex merged = new LineIndex(line(m));
      into.setAll(mapping(m, merged, at, depth + 1));
      here.mergeFields(merged);
    } else {
      throw fail(
          at.child(MERGE_KEY), line(source), "a merge key needs a mapping or a list of mappings");
    }
  }

  private static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode s
        && s.getScalarStyle() == ScalarStyle.PLAIN
        && MERGE_KEY.equals(s.getValue());
  }

  private static JsonNode scalar(ScalarNode node) {
    if (node.getScalarStyle() != ScalarStyle.PLAIN) {
      return NODES.textNode(node.getValue());
    }
    if (Tag.NULL.equals(node.getTag())) {
      return NODES.nullNode();
    }
    if (Tag.BOOL.equals(node.getTag())) {
      return NODES.booleanNode(Boolean.parseBoolean(node.getValue()));
    }
    return NODES.textNode(node.getValue());
  }

  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private SourceException fail(Trail at, int line, String problem) {
    return new SourceException(
        new Location(file, index, line, at.toPath().toString(), subject()), problem, null);
  }

  /** "Kind/name" of the document as far as its top-level scalars say, for messages. */
  private String subject() {
    String kind = scalarAt(document, "kind");
    String name = "";
    if (document instanceof MappingNode root) {
      for (NodeTuple t : root.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("metadata")) {
          name = scalarAt(t.getValueNode(), "name");
        }
      }
    }
    return kind.isEmpty() ? name : name.isEmpty() ? kind : kind + "/" + name;
  }

  private static String scalarAt(Node mapping, String key) {
    String found = "";
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k
            && k.getValue().equals(key)
            && t.getValueNode() instanceof ScalarNode v) {
          found = v.getValue();
        }
      }
    }
    return found;
  }
}
