package io.flotilla.kube.manifest.bind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reports each unknown field name as a warning at its path and skips its value. */
final class UnknownFields extends DeserializationProblemHandler {
  private final Warnings warnings;

  UnknownFields(Warnings warnings) {
    this.warnings = warnings;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext ctxt,
      JsonParser p,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    warnings.warn(pathOf(p.getParsingContext()), "unknown field, ignored");
    p.skipChildren();
    return true;
  }

  static FieldPath pathOf(JsonStreamContext context) {
    Deque<Object> segments = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null; c = c.getParent()) {
      if (c.inArray() && c.getCurrentIndex() >= 0) {
        segments.push(c.getCurrentIndex());
      } else if (c.inObject() && c.getCurrentName() != null) {
        segments.push(c.getCurrentName());
      }
    }
    return new FieldPath(java.util.List.copyOf(segments));
  }
}
