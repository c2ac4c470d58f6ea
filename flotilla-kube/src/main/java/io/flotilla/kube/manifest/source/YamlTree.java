package io.flotilla.kube.manifest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns one composed YAML document into a Jackson tree, recording the line of every key and list
 * item. Aliases arrive expanded; merge keys ({@code <<}) are applied with explicit keys winning.
 * Plain scalars follow the YAML 1.2 core schema for null and booleans and stay text otherwise, so a
 * string field keeps exactly what was written ({@code version: 010}) and numeric fields are
 * converted by the binder.
 */
final class YamlTree {
  private static final int MAX_DEPTH = 200;
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LineIndex lines = new LineIndex();
  private final List<FieldPath> duplicates = new ArrayList<>();

  static Document toDocument(java.nio.file.Path file, int index, Node node) {
    YamlTree tree = new YamlTree();
    tree.lines.record(FieldPath.ROOT, node.getStartMark().getLine() + 1);
    JsonNode root = tree.convert(node, FieldPath.ROOT, 0);
    return new Document(file, index, FieldPath.ROOT, root, tree.lines, tree.duplicates);
  }

  private JsonNode convert(Node node, FieldPath at, int depth) {
    if (depth > MAX_DEPTH) {
      throw new FieldError(at, "nested too deeply (a recursive alias?)");
    }
    if (node instanceof MappingNode m) {
      return mapping(m, at, depth);
    }
    if (node instanceof SequenceNode s) {
      ArrayNode array = NODES.arrayNode();
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        lines.record(at.index(i), items.get(i).getStartMark().getLine() + 1);
        array.add(convert(items.get(i), at.index(i), depth + 1));
      }
      return array;
    }
    return scalar((ScalarNode) node);
  }

  private ObjectNode mapping(MappingNode node, FieldPath at, int depth) {
    ObjectNode object = NODES.objectNode();
    List<NodeTuple> explicit = new ArrayList<>();
    List<Node> merges = new ArrayList<>();
    for (NodeTuple t : node.getValue()) {
      if (Tag.MERGE.equals(t.getKeyNode().getTag())) {
        merges.add(t.getValueNode());
      } else {
        explicit.add(t);
      }
    }
    for (int i = merges.size() - 1; i >= 0; i--) {
      merge(object, merges.get(i), at, depth);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : explicit) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw new FieldError(at, "complex mapping keys are not supported");
      }
      FieldPath child = at.child(key.getValue());
      if (!seen.add(key.getValue())) {
        duplicates.add(child);
      }
      lines.overwrite(child, key.getStartMark().getLine() + 1);
      object.set(key.getValue(), convert(t.getValueNode(), child, depth + 1));
    }
    return object;
  }

  private void merge(ObjectNode into, Node source, FieldPath at, int depth) {
    if (source instanceof SequenceNode list) {
      for (int i = list.getValue().size() - 1; i >= 0; i--) {
        merge(into, list.getValue().get(i), at, depth);
      }
    } else if (source instanceof MappingNode m) {
      into.setAll(mapping(m, at, depth + 1));
    } else {
      throw new FieldError(at.child("<<"), "a merge key needs a mapping or a list of mappings");
    }
  }

  private static JsonNode scalar(ScalarNode node) {
    String text = node.getValue();
    if (node.getScalarStyle() != ScalarStyle.PLAIN || Tag.STR.equals(node.getTag())) {
      return NODES.textNode(text);
    }
    if (NULL.matcher(text).matches()) {
      return NODES.nullNode();
    }
    if (BOOL.matcher(text).matches()) {
      return NODES.booleanNode(text.charAt(0) == 't' || text.charAt(0) == 'T');
    }
    return NODES.textNode(text);
  }
}
