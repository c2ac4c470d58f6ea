package io.flotilla.ports.cloud;

import java.util.Objects;

/** What came of a launch: an instance, or a refusal with its kind. */
public sealed interface LaunchOutcome {
  record Launched(CloudInstance instance) implements LaunchOutcome {
    public Launched {
      Objects.requireNonNull(instance, "instance");
    }
  }

  record Refused(LaunchError error, String message) implements LaunchOutcome {
    public Refused {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(message, "message");
    }
  }
}
