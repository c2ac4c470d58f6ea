package io.flotilla.kube.manifest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON file: one or more top-level values, each a document. Numbers stay text, as in YAML,
 * so that string fields keep what was written; the binder converts numeric fields. A key given
 * twice in one object is an error.
 */
final class JsonDocuments {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Big values (a 20 MB ConfigMap entry) are read like small ones: the text is in memory anyway.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private final Path file;
  private final int index;

  private JsonDocuments(Path file, int index) {
    this.file = file;
    this.index = index;
  }

  static List<Document> parse(Path file, String text) {
    List<Document> documents = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      while (parser.nextToken() != null) {
        int index = documents.size() + 1;
        LineIndex lines = new LineIndex(line(parser));
        JsonNode root = new JsonDocuments(file, index).value(parser, lines, Trail.ROOT);
        documents.add(new Document(file, index, FieldPath.ROOT, root, lines));
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

  private JsonNode value(JsonParser p, LineIndex here, Trail at) throws IOException {
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> seen = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          int keyLine = line(p);
          Integer first = seen.putIfAbsent(name, keyLine);
          if (first != null) {
            throw new SourceException(
                new Location(file, index, keyLine, at.child(name).toPath().toString(), ""),
                "duplicate key (first given at line " + first + "); kubectl rejects it",
                null);
          }
          LineIndex child = here.field(name, keyLine);
          p.nextToken();
          object.set(name, value(p, child, at.child(name)));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          LineIndex item = here.item(line(p));
          array.add(value(p, item, at.index(array.size())));
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
