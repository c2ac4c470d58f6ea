package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the packing's class counts back into named pods on named nodes. */
final class PlanAssembly {
  private PlanAssembly() {}

  static Plan assemble(
      PlanRequest request,
      List<PodClass> classes,
      List<ExistingNode> nodes,
      Map<Integer, Map<ExistingNode, Long>> onExisting,
      List<NodeBatch> batches,
      Map<PodId, String> unschedulable,
      Dimensions dims) {
    int[] cursor = new int[classes.size()];
    Map<ExistingNode, List<PodId>> existingPods = new LinkedHashMap<>();
    Map<ExistingNode, Resources> existingUsed = new HashMap<>();
    for (ExistingNode n : nodes) {
      existingPods.put(n, new ArrayList<>());
      Resources used = n.overhead;
      for (Pod p : n.bound) {
        used = used.plus(ClassGrouping.withPodSlot(p.requests()));
      }
      existingUsed.put(n, used);
    }
    for (PodClass c : classes) {
      Map<ExistingNode, Long> placed = onExisting.getOrDefault(c.id(), Map.of());
      for (Map.Entry<ExistingNode, Long> e : placed.entrySet()) {
        existingPods.get(e.getKey()).addAll(take(c, cursor, e.getValue()));
        existingUsed.merge(
            e.getKey(), dims.resources(c.request()).times(e.getValue()), Resources::plus);
      }
    }
    List<PlannedNode> out = new ArrayList<>();
    for (ExistingNode n : nodes) {
      out.add(existing(n, existingPods.get(n), existingUsed.get(n), request));
    }
    Map<String, Integer> sequence = new TreeMap<>();
    for (NodeBatch b : batches) {
      Shape s = b.shape();
      long[] used = b.used(classes, dims.size());
      Resources usedResources = s.daemonOverhead().plus(dims.resources(used));
      for (long r = 0; r < b.nodes(); r++) {
        List<PodId> pods = new ArrayList<>();
        for (int i = 0; i < b.classIds().length; i++) {
          pods.addAll(take(classes.get(b.classIds()[i]), cursor, b.perNode()[i]));
        }
        pods.sort(null);
        int n = sequence.merge(s.pool().name(), 1, Integer::sum);
        String name = s.pool().name() + "-" + n;
        Map<String, String> labels = new TreeMap<>(s.template().labels());
        labels.put(WellKnownLabels.HOSTNAME, name);
        out.add(
            new PlannedNode(
                name,
                false,
                s.pool().name(),
                offering(s),
                pods,
                labels,
                s.allocatable(),
                usedResources));
      }
    }
    List<Unschedulable> failed = new ArrayList<>();
    unschedulable.forEach((pod, reason) -> failed.add(new Unschedulable(pod, reason)));
    return new Plan(out, failed);
  }

  private static List<PodId> take(PodClass c, int[] cursor, long n) {
    List<PodId> pods = c.pods().subList(cursor[c.id()], cursor[c.id()] + (int) n);
    cursor[c.id()] += (int) n;
    return pods;
  }

  private static PlannedNode existing(
      ExistingNode n, List<PodId> pods, Resources used, PlanRequest request) {
    Node node = n.node;
    Map<String, String> labels = node.labels();
    String type = labels.get(WellKnownLabels.INSTANCE_TYPE);
    String zone = labels.get(WellKnownLabels.ZONE);
    CapacityType capacity = CapacityType.ofNodeLabels(labels);
    Offering known = null;
    if (type != null && zone != null && capacity != null) {
      known = request.catalog().offering(type, zone, capacity).orElse(null);
    }
    List<PodId> sorted = new ArrayList<>(pods);
    sorted.sort(null);
    NodeOffering offering =
        new NodeOffering(
            type,
            capacity,
            zone,
            labels.get(WellKnownLabels.ARCH),
            known == null ? null : known.pricePerHour(),
            0,
            known == null ? null : known.band(),
            known == null ? null : known.source());
    return new PlannedNode(
        node.name(), true, null, offering, sorted, labels, node.allocatable(), used);
  }

  /** What a new node of this shape is bought as. */
  static NodeOffering offering(Shape s) {
    Offering o = s.offering();
    return new NodeOffering(
        o.type().name(),
        o.capacityType(),
        o.zone(),
        s.arch(),
        o.pricePerHour(),
        s.storagePerHour(),
        o.band(),
        o.source());
  }
}
