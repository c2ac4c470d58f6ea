package io.flotilla.kube.manifest;

import io.fabric8.kubernetes.api.model.Pod;
import io.flotilla.kube.manifest.values.ObjectNames;
import io.flotilla.kube.manifest.workload.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a pod of a cluster dump belongs to, by its controller ownerReference, among the workloads
 * and DaemonSets of the input. A ReplicaSet's pod belongs to the ReplicaSet's Deployment when the
 * ReplicaSet is in the input and names it as its controller; when the ReplicaSet is absent (a dump
 * of {@code deploy,pods} has none), to the Deployment {@code web} for ReplicaSet {@code web-5d9c7}
 * when the pod's {@code pod-template-hash} label is {@code 5d9c7} and the Deployment's selector
 * matches the pod.
 */
final class PodOwners {
  static final String TEMPLATE_HASH = "pod-template-hash";

  /** How a pod relates to the input's controllers. */
  enum Kind {
    /** One of a workload's replicas. */
    WORKLOAD,
    /** A pod of a DaemonSet in the input: the DaemonSet's overhead already covers it. */
    DAEMON_SET,
    /** A pod of a DaemonSet that is not in the input. */
    ABSENT_DAEMON_SET,
    /** None of the above: a pod of its own. */
    NONE
  }

  /** A pod's relation, and its workload when it is one of its replicas. */
  record Link(Kind kind, Workload workload) {
    static final Link NONE = new Link(Kind.NONE, null);
  }

  private final Map<String, Workload> workloads = new HashMap<>();
  private final Set<String> daemonSets;

  /** {@code daemonSets} as "namespace/name". */
  PodOwners(List<Workload> workloads, Set<String> daemonSets) {
    workloads.forEach(w -> this.workloads.put(w.key(), w));
    this.daemonSets = Set.copyOf(daemonSets);
  }

  Link of(Pod pod) {
    var meta = pod.getMetadata();
    String controller = ObjectNames.controller(meta);
    if (controller == null) {
      return Link.NONE;
    }
    String namespace = ObjectNames.namespace(meta);
    int slash = controller.indexOf('/');
    String kind = controller.substring(0, slash);
    String name = controller.substring(slash + 1);
    return switch (kind) {
      case "DaemonSet" ->
          new Link(
              daemonSets.contains(namespace + "/" + name)
                  ? Kind.DAEMON_SET
                  : Kind.ABSENT_DAEMON_SET,
              null);
      case "ReplicaSet" -> replicaSetPod(labels(pod), namespace, name);
      case "StatefulSet", "Job", "ReplicationController" ->
          link(workloads.get(Workload.key(kind, namespace, name)));
      default -> Link.NONE;
    };
  }

  /** The Deployment in the input that manages this ReplicaSet, or null. */
  Workload managingDeployment(Workload replicaSet) {
    String controller = replicaSet.links().controller();
    if (!replicaSet.kind().equals("ReplicaSet")
        || controller == null
        || !controller.startsWith("Deployment/")) {
      return null;
    }
    String name = controller.substring("Deployment/".length());
    return workloads.get(Workload.key("Deployment", replicaSet.namespace(), name));
  }

  private Link replicaSetPod(Map<String, String> labels, String namespace, String replicaSet) {
    Workload rs = workloads.get(Workload.key("ReplicaSet", namespace, replicaSet));
    if (rs != null) {
      Workload deployment = managingDeployment(rs);
      return link(deployment != null ? deployment : rs);
    }
    String hash = labels.get(TEMPLATE_HASH);
    if (hash == null || hash.isEmpty() || !replicaSet.endsWith("-" + hash)) {
      return Link.NONE;
    }
    String name = replicaSet.substring(0, replicaSet.length() - hash.length() - 1);
    Workload deployment = workloads.get(Workload.key("Deployment", namespace, name));
    if (deployment == null
        || deployment.links().selector() == null
        || !deployment.links().selector().matches(labels)) {
      return Link.NONE;
    }
    return link(deployment);
  }

  private static Link link(Workload workload) {
    return workload == null ? Link.NONE : new Link(Kind.WORKLOAD, workload);
  }

  private static Map<String, String> labels(Pod pod) {
    Map<String, String> labels = new TreeMap<>();
    if (pod.getMetadata() != null && pod.getMetadata().getLabels() != null) {
      pod.getMetadata().getLabels().forEach((k, v) -> labels.put(k, v == null ? "" : v));
    }
    return labels;
  }
}
