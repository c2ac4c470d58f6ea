package io.flotilla.ports.cloud;

/** Why the cloud refused a launch; each kind asks for a different reaction. */
public enum LaunchError {
  /** No capacity left in that capacity pool: try another offering, avoid this one for a while. */
  INSUFFICIENT_CAPACITY,
  /** Too many calls: the same launch later, after a back-off. */
  THROTTLED,
  /** The account's limit for that kind of capacity is reached: retrying will not help. */
  QUOTA_EXCEEDED
}
