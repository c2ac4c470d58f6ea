package io.flotilla.kube.manifest.bind;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/** Short messages for wrong value types: "expected an integer, got 'abc'". */
final class TypeProblems {
  private TypeProblems() {}

  static String describe(JsonMappingException e, JsonNode actual) {
    if (e instanceof InvalidFormatException ife) {
      return "expected " + typeName(ife.getTargetType()) + ", got '" + ife.getValue() + "'";
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      return "expected " + typeName(mie.getTargetType()) + ", got " + nodeName(actual);
    }
    return e.getOriginalMessage();
  }

  static String typeName(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a mapping (" + type.getSimpleName() + ")";
  }

  static String nodeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "something else";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null";
    }
    return "'" + node.asText() + "'";
  }
}
