package io.flotilla.kube.manifest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON file: one or more top-level values, each a document. Numbers stay text, as in YAML,
 * so that string fields keep what was written; the binder converts numeric fields.
 */
final class JsonDocuments {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LineIndex lines = new LineIndex();
  private final List<FieldPath> duplicates = new ArrayList<>();

  static List<Document> parse(Path file, String text) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        JsonDocuments doc = new JsonDocuments();
        doc.lines.record(FieldPath.ROOT, line(parser));
        JsonNode root = doc.value(parser, FieldPath.ROOT);
        documents.add(
            new Document(
                file, documents.size() + 1, FieldPath.ROOT, root, doc.lines, doc.duplicates));
      }
      return documents;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SourceException(
          new Location(file, documents.size() + 1, line, "", ""),
          "JSON syntax error: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new SourceException(Location.ofFile(file), "cannot read: " + e.getMessage(), e);
    }
  }

  private JsonNode value(JsonParser p, FieldPath at) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          FieldPath child = at.child(name);
          if (object.has(name)) {
            duplicates.add(child);
          }
          lines.overwrite(child, line(p));
          p.nextToken();
          object.set(name, value(p, child));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          FieldPath item = at.index(array.size());
          lines.record(item, line(p));
          array.add(value(p, item));
        }
        return array;
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      default -> {
        return NODES.textNode(p.getText());
      }
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }
}
