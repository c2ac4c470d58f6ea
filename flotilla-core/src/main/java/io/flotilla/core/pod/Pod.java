package io.flotilla.core.pod;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pod as the scheduler sees it. {@code requests} is the effective request (containers, init
 * containers and overhead combined by the Kubernetes rules). {@code architectures} are the CPU
 * architectures its images are built for (empty: unknown, any). {@code unresolvedImages} are the
 * images whose architectures nobody told us (and no annotation declares the pod's). {@code
 * nodeName} is set for pods already bound to an existing node. {@code doNotDisrupt}: annotated
 * {@value #DO_NOT_DISRUPT}, so voluntary disruption leaves its node alone.
 */
public record Pod(
    PodId id,
    Map<String, String> labels,
    Resources requests,
    NodeAffinity nodeAffinity,
    List<Toleration> tolerations,
    List<TopologySpread> topologySpread,
    List<PodAffinityTerm> antiAffinity,
    List<PodAffinityTerm> affinity,
    Set<String> architectures,
    Set<String> hostPorts,
    String owner,
    String nodeName,
    Set<String> unresolvedImages,
    boolean doNotDisrupt) {

  /** The annotation that keeps voluntary disruption (consolidation, emptiness) off a pod's node. */
  public static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

  public Pod {
    unresolvedImages = Set.copyOf(unresolvedImages == null ? Set.of() : unresolvedImages);
    Objects.requireNonNull(id, "id");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(nodeAffinity, "nodeAffinity");
    tolerations = List.copyOf(tolerations);
    topologySpread = List.copyOf(topologySpread);
    antiAffinity = List.copyOf(antiAffinity);
    affinity = List.copyOf(affinity);
    architectures = Set.copyOf(architectures);
    hostPorts = Set.copyOf(hostPorts);
    owner = owner == null ? "Pod/" + id.name() : owner;
  }

  /** A pod voluntary disruption may move (no {@value #DO_NOT_DISRUPT} annotation). */
  public Pod(
      PodId id,
      Map<String, String> labels,
      Resources requests,
      NodeAffinity nodeAffinity,
      List<Toleration> tolerations,
      List<TopologySpread> topologySpread,
      List<PodAffinityTerm> antiAffinity,
      List<PodAffinityTerm> affinity,
      Set<String> architectures,
      Set<String> hostPorts,
      String owner,
      String nodeName,
      Set<String> unresolvedImages) {
    this(
        id,
        labels,
        requests,
        nodeAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        false);
  }

  /** A pod whose images' architectures are all known (or of no interest). */
  public Pod(
      PodId id,
      Map<String, String> labels,
      Resources requests,
      NodeAffinity nodeAffinity,
      List<Toleration> tolerations,
      List<TopologySpread> topologySpread,
      List<PodAffinityTerm> antiAffinity,
      List<PodAffinityTerm> affinity,
      Set<String> architectures,
      Set<String> hostPorts,
      String owner,
      String nodeName) {
    this(
        id,
        labels,
        requests,
        nodeAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        Set.of());
  }

  /** A pod with only requests: the plain case. */
  public static Pod simple(PodId id, Resources requests) {
    return new Pod(
        id,
        Map.of(),
        requests,
        NodeAffinity.NONE,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Set.of(),
        Set.of(),
        null,
        null);
  }

  public boolean bound() {
    return nodeName != null;
  }

  public Pod withId(PodId newId) {
    return new Pod(
        newId,
        labels,
        requests,
        nodeAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        doNotDisrupt);
  }

  /** The same pod bound (or nominated) to {@code node}; null makes it pending again. */
  public Pod withNodeName(String node) {
    return new Pod(
        id,
        labels,
        requests,
        nodeAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        node,
        unresolvedImages,
        doNotDisrupt);
  }

  /** The same pod with other architectures (a policy for unknown images, say). */
  public Pod withArchitectures(Set<String> newArchitectures) {
    return new Pod(
        id,
        labels,
        requests,
        nodeAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        newArchitectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        doNotDisrupt);
  }

  public Pod withNodeAffinity(NodeAffinity newAffinity) {
    return new Pod(
        id,
        labels,
        requests,
        newAffinity,
        tolerations,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        doNotDisrupt);
  }

  /** The same pod without its soft constraints: preferences and ScheduleAnyway spreads. */
  public Pod withoutSoftConstraints() {
    return new Pod(
        id,
        labels,
        requests,
        new NodeAffinity(nodeAffinity.requiredTerms(), List.of()),
        tolerations,
        topologySpread.stream().filter(TopologySpread::hard).toList(),
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        doNotDisrupt);
  }

  /** Whether it has soft constraints a scheduler gives up before leaving it pending. */
  /** A toleration of every PreferNoSchedule taint (empty key, operator Exists). */
  public static final Toleration ANY_SOFT_TAINT =
      new Toleration("", true, "", Effect.PREFER_NO_SCHEDULE);

  /** Whether it tolerates every PreferNoSchedule taint. */
  public boolean toleratesSoftTaints() {
    return tolerations.contains(ANY_SOFT_TAINT)
        || tolerations.stream()
            .anyMatch(t -> t.key().isEmpty() && t.exists() && t.effect() == null);
  }

  /**
   * The same pod tolerating every PreferNoSchedule taint: Karpenter's last relaxation of a pod it
   * cannot place otherwise.
   */
  public Pod toleratingSoftTaints() {
    if (toleratesSoftTaints()) {
      return this;
    }
    List<Toleration> more = new ArrayList<>(tolerations);
    more.add(ANY_SOFT_TAINT);
    return new Pod(
        id,
        labels,
        requests,
        nodeAffinity,
        more,
        topologySpread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner,
        nodeName,
        unresolvedImages,
        doNotDisrupt);
  }

  public boolean hasSoftConstraints() {
    return !nodeAffinity.preferred().isEmpty() || topologySpread.stream().anyMatch(s -> !s.hard());
  }

  /** Whether its architectures are unknown: no declaration and no image resolved. */
  public boolean architectureUnknown() {
    return architectures.isEmpty() && !unresolvedImages.isEmpty();
  }
}
