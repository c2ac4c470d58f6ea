package io.flotilla.flink.event;

import java.util.Objects;

/**
 * A record that could not be used, kept with the reason.
 *
 * @param raw the record exactly as received
 * @param reason why it was rejected, naming the field and value
 */
public record DeadLetter(String raw, String reason) {

  public DeadLetter {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(reason, "reason");
  }
}
