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
    Copy c = new Copy(this);
    c.id = newId;
    return c.build();
  }

  /** The same pod bound (or nominated) to {@code node}; null makes it pending again. */
  public Pod withNodeName(String node) {
    Copy c = new Copy(this);
    c.nodeName = node;
    return c.build();
  }

  /** The same pod with other architectures (a policy for unknown images, say). */
  public Pod withArchitectures(Set<String> newArchitectures) {
    Copy c = new Copy(this);
    c.architectures = newArchitectures;
    return c.build();
  }

  public Pod withNodeAffinity(NodeAffinity newAffinity) {
    Copy c = new Copy(this);
    c.nodeAffinity = newAffinity;
    return c.build();
  }

  /** The same pod without its soft constraints: preferences and ScheduleAnyway spreads. */
  public Pod withoutSoftConstraints() {
    Copy c = new Copy(this);
    c.nodeAffinity = new NodeAffinity(nodeAffinity.requiredTerms(), List.of());
    c.topologySpread = topologySpread.stream().filter(TopologySpread::hard).toList();
    return c.build();
  }

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
    Copy c = new Copy(this);
    c.tolerations = new ArrayList<>(tolerations);
    c.tolerations.add(ANY_SOFT_TAINT);
    return c.build();
  }

  /** Whether it has soft constraints a scheduler gives up before leaving it pending. */
  public boolean hasSoftConstraints() {
    return !nodeAffinity.preferred().isEmpty() || topologySpread.stream().anyMatch(s -> !s.hard());
  }

  /** Whether its architectures are unknown: no declaration and no image resolved. */
  public boolean architectureUnknown() {
    return architectures.isEmpty() && !unresolvedImages.isEmpty();
  }

  /** The fields the withers change, the rest as they are: one place that lists them all. */
  private static final class Copy {
    private final Pod from;
    PodId id;
    NodeAffinity nodeAffinity;
    List<Toleration> tolerations;
    List<TopologySpread> topologySpread;
    Set<String> architectures;
    String nodeName;

    Copy(Pod from) {
      this.from = from;
      this.id = from.id;
      this.nodeAffinity = from.nodeAffinity;
      this.tolerations = from.tolerations;
      this.topologySpread = from.topologySpread;
      this.architectures = from.architectures;
      this.nodeName = from.nodeName;
    }

    Pod build() {
      return new Pod(
          id,
          from.labels,
          from.requests,
          nodeAffinity,
          tolerations,
          topologySpread,
          from.antiAffinity,
          from.affinity,
          architectures,
          from.hostPorts,
          from.owner,
          nodeName,
          from.unresolvedImages,
          from.doNotDisrupt);
    }
  }
}
