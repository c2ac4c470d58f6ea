package io.flotilla.flink.event;

import java.util.Objects;

/**
 * One input record after parsing: either a valid event or the reason it was rejected, always with
 * the raw text. A single record type (not a class hierarchy) so Flink serializes it as a POJO.
 *
 * @param raw the record exactly as received
 * @param event the validated event, null when the record was rejected
 * @param problem why the record was rejected, null when it is valid
 */
public record ParsedRecord(String raw, TickerEvent event, String problem) {

  public ParsedRecord {
    Objects.requireNonNull(raw, "raw");
    if ((event == null) == (problem == null)) {
      throw new IllegalArgumentException("exactly one of event and problem must be set");
    }
  }

  public static ParsedRecord valid(String raw, TickerEvent event) {
    return new ParsedRecord(raw, Objects.requireNonNull(event, "event"), null);
  }

  public static ParsedRecord invalid(String raw, String problem) {
    return new ParsedRecord(raw, null, Objects.requireNonNull(problem, "problem"));
  }

  public boolean isValid() {
    return event != null;
  }

  public ParsedEvent toParsedEvent() {
    if (event == null) {
      throw new IllegalStateException("record is not valid: " + problem);
    }
    return new ParsedEvent(event, raw);
  }

  public DeadLetter toDeadLetter() {
    if (problem == null) {
      throw new IllegalStateException("record is valid");
    }
    return new DeadLetter(raw, problem);
  }
}
