package io.flotilla.control.provisioning;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.ports.cloud.CloudInstance;
import java.time.Instant;

/** What came of launching a NodeClaim, and what the loop does next. */
public sealed interface LaunchResult {
  LaunchNodeClaim claim();

  /** The instance runs; the claim waits for its node to register. */
  record Launched(LaunchNodeClaim claim, CloudInstance instance) implements LaunchResult {}

  /**
   * The cloud throttled the call: the same launch again at {@code at} (retry number {@code retry}).
   */
  record RetryAt(LaunchNodeClaim claim, int retry, Instant at) implements LaunchResult {}

  /**
   * The offering could not be had (no capacity, or the account's quota): it is out of planning for
   * a while, the claim is dropped and its pods are pending again, so the next pass plans them on
   * another offering.
   */
  record Replan(LaunchNodeClaim claim, String reason) implements LaunchResult {}
}
