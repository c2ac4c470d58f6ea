package io.flotilla.flink.event;

import java.util.Objects;

/**
 * A record that passed validation: the event and the JSON text it came from.
 *
 * @param event the validated event
 * @param json the raw record, written unchanged to the raw-events output
 */
public record ParsedEvent(TickerEvent event, String json) {

  public ParsedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(json, "json");
  }
}
