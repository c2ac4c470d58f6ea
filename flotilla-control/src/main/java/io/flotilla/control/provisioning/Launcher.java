package io.flotilla.control.provisioning;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.ports.cloud.Cloud;
import io.flotilla.ports.cloud.LaunchOutcome;
import io.flotilla.ports.cloud.LaunchRequest;
import java.time.Instant;

/**
 * Carries out a {@link LaunchNodeClaim} through the cloud port. A throttled launch is retried after
 * a back-off; an offering without capacity (or over quota) goes into the unavailable-offerings
 * cache and the claim's pods are planned again, which picks the next offering.
 */
public final class Launcher {
  private final Cloud cloud;
  private final UnavailableOfferings unavailable;
  private final Backoff backoff;

  public Launcher(Cloud cloud, UnavailableOfferings unavailable, Backoff backoff) {
    this.cloud = cloud;
    this.unavailable = unavailable;
    this.backoff = backoff;
  }

  /** Launches {@code claim} at {@code now}; {@code retry} is 0 for a first attempt. */
  public LaunchResult launch(LaunchNodeClaim claim, int retry, Instant now) {
    LaunchOutcome outcome = cloud.launch(new LaunchRequest(claim.name(), claim.offering()));
    if (outcome instanceof LaunchOutcome.Launched launched) {
      return new LaunchResult.Launched(claim, launched.instance());
    }
    LaunchOutcome.Refused refused = (LaunchOutcome.Refused) outcome;
    return switch (refused.error()) {
      case THROTTLED ->
          new LaunchResult.RetryAt(claim, retry + 1, now.plus(backoff.delay(retry + 1)));
      case INSUFFICIENT_CAPACITY, QUOTA_EXCEEDED -> {
        unavailable.mark(claim.offering(), now);
        yield new LaunchResult.Replan(
            claim,
            claim.offering()
                + ": "
                + refused.error().name().toLowerCase()
                + " ("
                + refused.message()
                + ")");
      }
    };
  }
}
