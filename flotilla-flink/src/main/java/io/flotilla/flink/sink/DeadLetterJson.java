package io.flotilla.flink.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.flink.event.DeadLetter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dead letter as one JSON line: {@code {"reason": ..., "raw": ...}}. */
public final class DeadLetterJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeadLetterJson() {}

  public static String write(DeadLetter letter) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reason", letter.reason());
    fields.put("raw", letter.raw());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
