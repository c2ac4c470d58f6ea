package io.flotilla.kube.manifest.bind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reports each unknown field name as a warning at its path and skips its value.
 *
 * <p>The path is that of the object holding the field, plus the field's name. Jackson calls this
 * handler in two situations, and the parser context means different things in each:
 *
 * <ul>
 *   <li>While reading the object (plain beans such as fabric8's): the parser stands on the field's
 *       value. When that value is a list or a mapping, its own context has already been entered, so
 *       the holder is one context up (reading it as the holder gave {@code field[0]}).
 *   <li>After the whole object was read (records, built through their constructor): the unknown
 *       fields were buffered and are replayed from a buffer whose contexts are detached from the
 *       document (reading them gave {@code spec.template.spec[1][0]}). The document's own parser
 *       has just left the object, so its context names the place of the object.
 * </ul>
 *
 * A path that does not lead to the field in the document is not reported as if it did: the warning
 * then names the field without a place.
 */
final class UnknownFields extends DeserializationProblemHandler {
  private final Warnings warnings;
  private final JsonNode document;

  UnknownFields(Warnings warnings, JsonNode document) {
    this.warnings = warnings;
    this.document = document;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    FieldPath field = located(document, holderOf(ctxt, p), propertyName);
    if (field != null) {
      warnings.warn(field, "unknown field, ignored");
    } else {
      warnings.warn(FieldPath.ROOT, "unknown field '" + propertyName + "', ignored");
    }
    p.skipChildren();
    return true;
  }

  /** The field's path when the document has it there; null when the holder is not its place. */
  static FieldPath located(JsonNode document, FieldPath holder, String name) {
    return document.at(holder.pointer()).has(name) ? holder.child(name) : null;
  }

  /** The path of the object that holds the unknown field. */
  static FieldPath holderOf(DeserializationContext ctxt, JsonParser p) {
    JsonParser main = ctxt.getParser();
    if (main != null && main != p) {
      return pathTo(main.getParsingContext(), true);
    }
    JsonStreamContext context = p.getParsingContext();
    JsonToken value = p.currentToken();
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      context = context.getParent();
    }
    return pathTo(context, false);
  }

  /**
   * The path from the document's root to the container {@code context} stands in, or (with {@code
   * withEntry}) to its current entry.
   */
  private static FieldPath pathTo(JsonStreamContext context, boolean withEntry) {
    Deque<Object> segments = new ArrayDeque<>();
    JsonStreamContext c = withEntry ? context : context.getParent();
    for (; c != null; c = c.getParent()) {
      if (c.inArray()) {
        segments.push(c.getCurrentIndex());
      } else if (c.inObject() && c.getCurrentName() != null) {
        segments.push(c.getCurrentName());
      }
    }
    return new FieldPath(List.copyOf(segments));
  }
}
