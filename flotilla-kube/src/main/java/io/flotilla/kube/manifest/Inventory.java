package io.flotilla.kube.manifest;

import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.kube.manifest.karpenter.AwsNodeTemplateDoc;
import io.flotilla.kube.manifest.karpenter.Ec2NodeClassDoc;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.workload.Hpa;
import io.flotilla.kube.manifest.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything bound from the input, in document order, before cross-references (HPA targets, node
 * class references) are resolved.
 */
final class Inventory {
  /** A bound object and the document it came from. */
  record Bound<T>(Document doc, T value) {}

  /**
   * A bare pod or a workload, keyed "Kind/namespace/name"; exactly one of pod and workload is set.
   */
  record PodSource(
      Document doc, String key, io.fabric8.kubernetes.api.model.Pod pod, Workload workload) {}

  /** Bare pods and workloads, in input order. */
  final List<PodSource> podSources = new ArrayList<>();

  final List<Bound<io.fabric8.kubernetes.api.model.apps.DaemonSet>> daemonSets = new ArrayList<>();
  final List<Hpa> hpas = new ArrayList<>();

  /** What the simulator needs of each HPA of {@link #hpas}, in the same order. */
  final List<Bound<Autoscaler>> autoscalers = new ArrayList<>();

  /** PodDisruptionBudgets, converted as read, in input order. */
  final List<Bound<DisruptionBudget>> budgets = new ArrayList<>();

  final List<Bound<io.fabric8.kubernetes.api.model.Node>> nodes = new ArrayList<>();

  /** Provisioners, NodePools and ClusterConfigs, in input order. */
  final List<Bound<Object>> poolSources = new ArrayList<>();

  final List<Bound<AwsNodeTemplateDoc>> nodeTemplates = new ArrayList<>();
  final List<Bound<Ec2NodeClassDoc>> nodeClasses = new ArrayList<>();
}
