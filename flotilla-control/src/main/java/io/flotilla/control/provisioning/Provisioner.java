package io.flotilla.control.provisioning;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans a batch of pending pods and turns the plan into commands. Pods already bound or nominated
 * to an in-flight NodeClaim are part of the request as placed pods (they take room, they are not
 * planned again); offerings the cloud recently had no capacity for are left out of the catalog. The
 * planner is the one {@code flotilla plan} uses, with whichever strategy it was built with.
 */
public final class Provisioner {
  private final Planner planner;
  private final UnavailableOfferings unavailable;
  private final Map<String, Integer> launchedPerPool = new HashMap<>();

  public Provisioner(Planner planner, UnavailableOfferings unavailable) {
    this.planner = planner;
    this.unavailable = unavailable;
  }

  /**
   * Decides for the cluster as {@code cluster} describes it: its pods (pending ones have no node;
   * pods nominated to an in-flight NodeClaim carry its name as their node), its nodes (ready ones
   * and in-flight NodeClaims), pools, DaemonSets, the catalog and the planner's options.
   */
  public ProvisioningDecision decide(PlanRequest cluster, Instant now) {
    if (cluster.pendingPods().isEmpty()) {
      return ProvisioningDecision.NOTHING;
    }
    Plan plan = simulate(cluster, now);
    Map<PodId, String> nominations = new LinkedHashMap<>();
    // A planned node lists only the pods the plan puts there, not those already bound to it.
    for (PlannedNode node : plan.nodes()) {
      if (node.existing()) {
        node.pods().forEach(p -> nominations.put(p, node.name()));
      }
    }
    return new ProvisioningDecision(claimsFor(plan.newNodes()), nominations, plan.unschedulable());
  }

  /**
   * Plans {@code cluster} as provisioning would at {@code now}, with the same planner and without
   * the offerings the cloud recently had no capacity for. Consolidation simulates with it.
   */
  public Plan simulate(PlanRequest cluster, Instant now) {
    return planner.plan(cluster.withCatalog(available(cluster.catalog(), now)));
  }

  /** The catalog without the offerings unavailable at {@code now}. */
  public Catalog available(Catalog catalog, Instant now) {
    return unavailable.without(catalog, now);
  }

  /**
   * One NodeClaim per new node of a plan, named in order, for the pods the plan puts there. Its
   * hostname label is its own name (the plan's names count from one in every plan).
   */
  public List<LaunchNodeClaim> claimsFor(List<PlannedNode> newNodes) {
    List<LaunchNodeClaim> launches = new ArrayList<>();
    for (PlannedNode node : newNodes) {
      String name = nextName(node.nodePool());
      Map<String, String> labels = new TreeMap<>(node.labels());
      labels.put(WellKnownLabels.HOSTNAME, name);
      launches.add(
          new LaunchNodeClaim(
              name,
              node.nodePool(),
              new OfferingKey(
                  node.offering().instanceType(),
                  node.offering().zone(),
                  node.offering().capacityType()),
              node.pods(),
              labels,
              node.allocatable()));
    }
    return launches;
  }

  /** NodeClaim names as Karpenter forms them (pool name and a suffix), counted for determinism. */
  private String nextName(String pool) {
    int n = launchedPerPool.merge(pool, 1, Integer::sum);
    return pool + "-" + n;
  }
}
