package io.flotilla.sim.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.taint.Taint;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.NodeClaim;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated cluster's NodeClaims and the nodes they became, in name order, with claim counts
 * per offering; the lists readers get are kept until a claim or node changes.
 */
final class NodeStore {
  private final Map<String, Node> nodes = new TreeMap<>();
  private final Map<String, NodeClaim> claims = new TreeMap<>();
  private final Map<OfferingKey, Integer> claimsByOffering = new LinkedHashMap<>();
  private List<Node> nodesSnapshot;
  private List<NodeClaim> claimsSnapshot;

  List<Node> nodes() {
    if (nodesSnapshot == null) {
      nodesSnapshot = List.copyOf(nodes.values());
    }
    return nodesSnapshot;
  }

  List<NodeClaim> claims() {
    if (claimsSnapshot == null) {
      claimsSnapshot = List.copyOf(claims.values());
    }
    return claimsSnapshot;
  }

  NodeClaim claim(String name) {
    return claims.get(name);
  }

  boolean joined(String name) {
    return nodes.containsKey(name);
  }

  int joinedCount() {
    return nodes.size();
  }

  Map<OfferingKey, Integer> claimsByOffering() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(claimsByOffering));
  }

  void addClaim(NodeClaim claim) {
    NodeClaim before = claims.put(claim.name(), claim);
    if (before != null) {
      claimsByOffering.merge(before.offering(), -1, Integer::sum);
    }
    claimsByOffering.merge(claim.offering(), 1, Integer::sum);
    claimsSnapshot = null;
  }

  /** The claim's node joins; null when there is no such claim or it has joined already. */
  Node join(String claimName, List<Taint> taints) {
    NodeClaim claim = claims.get(claimName);
    if (claim == null || nodes.containsKey(claimName)) {
      return null;
    }
    Node node = claim.asNode(taints);
    nodes.put(claimName, node);
    nodesSnapshot = null;
    return node;
  }

  /** A node that runs already, with its claim: it joins as it is. */
  Node adopt(NodeClaim claim, Node node) {
    addClaim(claim);
    nodes.put(claim.name(), node);
    nodesSnapshot = null;
    return node;
  }

  /** Marks the node unschedulable; false when it is unknown or cordoned already. */
  boolean cordon(String name) {
    Node n = nodes.get(name);
    if (n == null || n.unschedulable()) {
      return false;
    }
    nodes.put(
        name, new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true));
    nodesSnapshot = null;
    return true;
  }

  /** The node and its claim are gone. */
  void remove(String name) {
    nodes.remove(name);
    NodeClaim claim = claims.remove(name);
    if (claim != null) {
      claimsByOffering.merge(claim.offering(), -1, Integer::sum);
    }
    nodesSnapshot = null;
    claimsSnapshot = null;
  }
}
