package io.flotilla.control.manager;

import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.interruption.CheckpointProgress;
import io.flotilla.control.interruption.WarnedNode;
import io.flotilla.control.provisioning.LaunchResult;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the control plane remembers between passes, and only that: warnings and how far each node's
 * handling got, nodes being disrupted, nominations, launches to retry, and when nodes were first
 * seen ready and empty. Everything else is read from the cluster on each pass.
 */
final class ControlState {
  /** A warned node: its notice and the handler's progress. */
  static final class Warned {
    private InterruptionWarning warning;
    private boolean cordoned;
    private boolean replacementRequested;
    private final Set<String> replacements = new TreeSet<>();

    Warned(InterruptionWarning warning) {
      this.warning = warning;
    }

    WarnedNode at(
        ClusterPods view, Optional<CheckpointProgress> checkpoint, boolean replacementReady) {
      return new WarnedNode(
          warning, cordoned, replacementRequested, checkpoint, view, replacementReady);
    }

    /** A node (or NodeClaim) the provisioner put some of this node's pods on. */
    void replacedBy(String target) {
      replacements.add(target);
    }

    Set<String> replacements() {
      return replacements;
    }

    InterruptionWarning warning() {
      return warning;
    }

    void cordoned() {
      cordoned = true;
    }

    void replacementRequested() {
      replacementRequested = true;
    }
  }

  private final Map<String, Warned> warned = new TreeMap<>();
  private final Map<String, String> disrupting = new TreeMap<>();
  private final Map<String, CheckpointProgress> checkpoints = new TreeMap<>();
  // Looked up by node, never walked in order: hashed (every pass touches every node).
  private final Map<String, Instant> readySince = new HashMap<>();
  private final Map<String, Instant> emptySince = new HashMap<>();
  private final Set<PodId> replacing = new LinkedHashSet<>();
  private final List<LaunchResult.RetryAt> retries = new ArrayList<>();
  private final Nominations nominations = new Nominations();
  private final PodChanges podChanges = new PodChanges();
  private Optional<Instant> batchClosesAt = Optional.empty();
  private boolean replan;
  private List<Node> lastNodes;
  private List<NodeClaim> lastClaims;
  private Set<String> nodeNames = Set.of();
  private Set<String> claimNames = Set.of();

  /**
   * A new notice for a node. A Spot interruption replaces an earlier rebalance recommendation (the
   * node now has a deadline); the handling done so far is kept.
   */
  void warn(InterruptionWarning warning) {
    Warned w = warned.get(warning.nodeName());
    if (w == null) {
      warned.put(warning.nodeName(), new Warned(warning));
    } else if (w.warning.kind() == InterruptionKind.REBALANCE_RECOMMENDATION
        && warning.kind() != InterruptionKind.REBALANCE_RECOMMENDATION) {
      w.warning = warning;
    }
  }

  /** Brings the remembered state in line with the cluster read at {@code now}. */
  void observe(List<Node> nodes, List<NodeClaim> claims, Function<PodId, Pod> pods, Instant now) {
    // The lists are immutable: the very same list as last pass holds the same nodes (a cluster
    // that hands out its list until something changes saves a walk over every node).
    if (nodes != lastNodes) {
      nodeNames = nodes.stream().map(Node::name).collect(Collectors.toSet());
      nodeNames.forEach(n -> readySince.putIfAbsent(n, now));
      readySince.keySet().retainAll(nodeNames);
      lastNodes = nodes;
    }
    if (claims != lastClaims) {
      claimNames = claims.stream().map(NodeClaim::name).collect(Collectors.toSet());
      lastClaims = claims;
    }
    emptySince.keySet().retainAll(nodeNames);
    // A node that is gone needs no more handling (its instance was reclaimed or deleted).
    warned.keySet().removeIf(n -> !nodeNames.contains(n) && !claimNames.contains(n));
    disrupting.keySet().removeIf(n -> !nodeNames.contains(n) && !claimNames.contains(n));
    checkpoints.keySet().removeIf(n -> !warned.containsKey(n) && !disrupting.containsKey(n));
    replacing.removeIf(
        p -> {
          Pod pod = pods.apply(p);
          return pod == null || !pod.bound();
        });
    nominations.prune(pods, readySince, claimNames, now);
  }

  Map<String, Warned> warned() {
    return warned;
  }

  Map<String, String> disrupting() {
    return disrupting;
  }

  Nominations nominations() {
    return nominations;
  }

  void disrupt(String node, String reason) {
    disrupting.putIfAbsent(node, reason);
  }

  /**
   * Whether every node the warned node's pods were planned onto is ready, or gone (a failed launch
   * is not waited for): {@code inFlight} are the NodeClaims not ready yet.
   */
  boolean replacementReady(String node, Set<String> inFlight) {
    Warned w = warned.get(node);
    if (w == null) {
      return true;
    }
    for (String target : w.replacements()) {
      if (!target.equals(node) && inFlight.contains(target) && !readySince.containsKey(target)) {
        return false;
      }
    }
    return true;
  }

  /** The checkpoint asked for before TaskManagers leave the node being drained, if any. */
  Optional<CheckpointProgress> checkpoint(String node) {
    return Optional.ofNullable(checkpoints.get(node));
  }

  void checkpoint(String node, CheckpointProgress progress) {
    checkpoints.put(node, progress);
  }

  /** Pods were evicted from the node: a checkpoint asked for before is used. */
  void evicted(String node) {
    checkpoints.computeIfPresent(node, (n, c) -> c.markUsed());
  }

  void forget(String node) {
    warned.remove(node);
    disrupting.remove(node);
    checkpoints.remove(node);
    emptySince.remove(node);
  }

  /** Pods of warned nodes whose replacement was asked for and not yet planned. */
  Set<PodId> replacing(List<Pod> pods, Set<PodId> terminating) {
    Set<PodId> out = new LinkedHashSet<>();
    if (replacing.isEmpty()) {
      return out; // the common case, without a look at every pod
    }
    for (Pod p : pods) {
      if (replacing.contains(p.id()) && p.bound() && !terminating.contains(p.id())) {
        out.add(p.id());
      }
    }
    return out;
  }

  void replace(List<PodId> pods) {
    replacing.addAll(pods);
  }

  /** A replacement was planned: the pod is not planned again until it is evicted. */
  void replaced(PodId pod) {
    replacing.remove(pod);
  }

  PodChanges podChanges() {
    return podChanges;
  }

  /** A launch waiting for its retry is no longer wanted (its consolidation was abandoned). */
  void cancelRetry(String claim) {
    retries.removeIf(r -> r.claim().name().equals(claim));
  }

  void retryLater(LaunchResult.RetryAt retry) {
    retries.add(retry);
  }

  List<LaunchResult.RetryAt> dueRetries(Instant now) {
    List<LaunchResult.RetryAt> due = retries.stream().filter(r -> !now.isBefore(r.at())).toList();
    // By the same test, not by equality: comparing whole launches against each other is quadratic.
    retries.removeIf(r -> !now.isBefore(r.at()));
    return due;
  }

  void replanSoon() {
    replan = true;
  }

  boolean takeReplan() {
    boolean was = replan;
    replan = false;
    return was;
  }

  void setBatchClosesAt(Optional<Instant> at) {
    batchClosesAt = at;
  }

  /** When a node first looked empty (updated on each look; empty when it is not empty now). */
  Optional<Instant> emptySince(String node, boolean emptyNow, Instant now) {
    if (!emptyNow) {
      emptySince.remove(node);
      return Optional.empty();
    }
    return Optional.of(emptySince.computeIfAbsent(node, n -> now));
  }

  /** The instants something the state holds falls due. */
  List<Instant> wakeUps() {
    List<Instant> due = new ArrayList<>();
    batchClosesAt.ifPresent(due::add);
    retries.forEach(r -> due.add(r.at()));
    for (Warned w : warned.values()) {
      due.add(w.warning.nodeGoneAt());
    }
    for (CheckpointProgress c : checkpoints.values()) {
      if (!c.used()) {
        due.add(c.askedAt().plus(c.bound()));
      }
    }
    due.sort(Comparator.naturalOrder());
    return due;
  }
}
