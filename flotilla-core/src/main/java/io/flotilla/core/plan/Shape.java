package io.flotilla.core.plan;

import io.flotilla.core.catalog.Offering;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;

/**
 * A node the planner may launch: one offering under one pool, with the labels it will carry, the
 * room left for pods after DaemonSet overhead, its capacity (for pool limits) and its price per
 * hour: the offering's plus the node's EBS volumes ({@code storagePerHour}).
 */
record Shape(
    int id,
    NodePool pool,
    Offering offering,
    NodeTemplate template,
    long[] free,
    Resources daemonOverhead,
    Resources allocatable,
    Resources capacity,
    double price,
    double storagePerHour) {

  String name() {
    return pool.name()
        + ":"
        + offering.type().name()
        + "/"
        + offering.zone()
        + "/"
        + offering.capacityType().label();
  }

  String arch() {
    return offering.type().arch();
  }

  @Override
  public String toString() {
    return pool.name() + ":" + offering;
  }
}
