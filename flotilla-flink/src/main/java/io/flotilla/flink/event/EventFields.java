package io.flotilla.flink.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/** The fields of the reference template and the rules each value must meet. */
final class EventFields {

  static final String EVENT_TIME = "EVENT_TIME";
  static final String TICKER = "TICKER";
  static final String PRICE = "PRICE";
  static final String ID = "ID";

  /** Event times accepted: from 2000-01-01 (inclusive) to 2100-01-01 (exclusive), UTC. */
  static final long EARLIEST_MILLIS = 946_684_800_000L;

  static final long LATEST_MILLIS = 4_102_444_800_000L;

  static final double MAX_PRICE = 1_000_000.0;
  static final int MAX_ID_LENGTH = 64;
  static final int MAX_TICKER_LENGTH = 12;

  private EventFields() {}

  static FieldValue<Long> eventTime(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    long millis;
    if (token == JsonToken.VALUE_STRING) {
      try {
        millis = Instant.parse(parser.getText()).toEpochMilli();
      } catch (DateTimeException | ArithmeticException e) {
        return FieldValue.problem(
            "EVENT_TIME is not an ISO-8601 instant: " + quoted(parser.getText()));
      }
    } else if (token == JsonToken.VALUE_NUMBER_INT) {
      millis = parser.getValueAsLong();
    } else {
      return FieldValue.problem(
          "EVENT_TIME must be an ISO-8601 string or epoch milliseconds, was " + describe(parser));
    }
    if (millis < EARLIEST_MILLIS || millis >= LATEST_MILLIS) {
      return FieldValue.problem(
          "EVENT_TIME out of range [2000-01-01, 2100-01-01): " + Instant.ofEpochMilli(millis));
    }
    return FieldValue.of(millis);
  }

  static FieldValue<String> ticker(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return FieldValue.problem("TICKER must be a string, was " + describe(parser));
    }
    String ticker = parser.getText();
    if (!isTicker(ticker)) {
      return FieldValue.problem(
          "TICKER must be 1-12 upper-case letters, digits or dots starting with a letter, was "
              + quoted(ticker));
    }
    return FieldValue.of(ticker);
  }

  static FieldValue<Double> price(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      return FieldValue.problem("PRICE must be a number, was " + describe(parser));
    }
    double price = parser.getValueAsDouble();
    if (!(price > 0 && price <= MAX_PRICE)) {
      return FieldValue.problem("PRICE out of range (0, 1000000]: " + parser.getText());
    }
    return FieldValue.of(price);
  }

  static FieldValue<String> id(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return FieldValue.problem("ID must be a string, was " + describe(parser));
    }
    String id = parser.getText();
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      return FieldValue.problem("ID must be 1-64 non-blank characters, was " + quoted(id));
    }
    return FieldValue.of(id);
  }

  private static boolean isTicker(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_TICKER_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z';
      boolean other = (c >= '0' && c <= '9') || c == '.';
      if (!(letter || (i > 0 && other))) {
        return false;
      }
    }
    return true;
  }

  private static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_NULL -> "null";
      case VALUE_STRING -> "the string " + quoted(parser.getText());
      default -> parser.getText();
    };
  }

  private static String quoted(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return '"' + shown + '"';
  }
}
