package io.flotilla.flink.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the first lines of a serialized Flink failure cause. */
final class FailureCauses {

  private FailureCauses() {}

  static String describe(JsonNode cause) {
    if (cause == null || cause.isMissingNode() || cause.isNull()) {
      return "checkpoint failed without a cause";
    }
    String trace = cause.path("stack-trace").asText("");
    if (!trace.isEmpty()) {
      String[] lines = trace.split("\n");
      StringBuilder text = new StringBuilder(lines[0].trim());
      for (String line : lines) {
        if (line.startsWith("Caused by:")) {
          text.append(" / ").append(line.trim());
        }
      }
      return text.toString();
    }
    return cause.path("class").asText(cause.toString());
  }
}
