package io.flotilla.flink.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and validates one JSON record of the reference template with Jackson's streaming parser.
 * Never throws for bad input: every problem becomes a {@link DeadLetter} whose reason names the
 * field and the value.
 */
public final class TickerEventParser {

  private final JsonFactory json = new JsonFactory();

  public ParsedRecord parse(String raw) {
    if (raw == null) {
      return invalid("", "record is null");
    }
    try (JsonParser parser = json.createParser(raw)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return invalid(raw, "record is not a JSON object");
      }
      FieldReader fields = new FieldReader();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        fields.read(name, parser);
      }
      if (parser.nextToken() != null) {
        return invalid(raw, "trailing content after the JSON object");
      }
      return fields.result(raw);
    } catch (JsonProcessingException e) {
      return invalid(raw, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ParsedRecord invalid(String raw, String reason) {
    return ParsedRecord.invalid(raw, reason);
  }

  /** Collects the four fields of one record and the first problem found. */
  private static final class FieldReader {
    private Long eventTime;
    private String ticker;
    private Double price;
    private String id;
    private String problem;

    void read(String name, JsonParser parser) throws IOException {
      switch (name) {
        case EventFields.EVENT_TIME -> eventTime = note(EventFields.eventTime(parser));
        case EventFields.TICKER -> ticker = note(EventFields.ticker(parser));
        case EventFields.PRICE -> price = note(EventFields.price(parser));
        case EventFields.ID -> id = note(EventFields.id(parser));
        default -> {
          // unknown fields are ignored
        }
      }
      parser.skipChildren();
    }

    private <T> T note(FieldValue<T> value) {
      if (value.problem() != null && problem == null) {
        problem = value.problem();
      }
      return value.value();
    }

    ParsedRecord result(String raw) {
      if (problem != null) {
        return invalid(raw, problem);
      }
      List<String> missing = new ArrayList<>(4);
      if (eventTime == null) {
        missing.add(EventFields.EVENT_TIME);
      }
      if (ticker == null) {
        missing.add(EventFields.TICKER);
      }
      if (price == null) {
        missing.add(EventFields.PRICE);
      }
      if (id == null) {
        missing.add(EventFields.ID);
      }
      if (!missing.isEmpty()) {
        return invalid(raw, "missing field(s) " + String.join(", ", missing));
      }
      return ParsedRecord.valid(raw, new TickerEvent(eventTime, ticker, price, id));
    }
  }
}
