package io.flotilla.sim.cluster;

/**
 * A workload's pods by state: {@code running} are bound and not terminating (the simulation has no
 * container start time, so bound is running and ready), {@code pending} not bound yet.
 */
public record PodCounts(int running, int pending) {
  public static final PodCounts NONE = new PodCounts(0, 0);
}
