package io.flotilla.kube.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.kube.manifest.bind.Binder;
import io.flotilla.kube.manifest.eksctl.ClusterConfigDoc;
import io.flotilla.kube.manifest.karpenter.AwsNodeTemplateDoc;
import io.flotilla.kube.manifest.karpenter.Ec2NodeClassDoc;
import io.flotilla.kube.manifest.karpenter.NodePoolDoc;
import io.flotilla.kube.manifest.karpenter.ProvisionerDoc;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import io.flotilla.kube.manifest.workload.Autoscalers;
import io.flotilla.kube.manifest.workload.DisruptionBudgets;
import io.flotilla.kube.manifest.workload.Hpa;
import io.flotilla.kube.manifest.workload.Hpas;
import io.flotilla.kube.manifest.workload.PodDisruptionBudgetDoc;
import io.flotilla.kube.manifest.workload.Workload;
import io.flotilla.kube.manifest.workload.Workloads;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Checks each document's apiVersion and kind, binds the kinds that affect scheduling (and the
 * budgets and autoscalers the simulator needs) into the inventory, expands Lists, and counts (and
 * where useful warns about) the kinds it skips.
 */
final class KindRouter {
  private interface Handler {
    void accept(Document doc, Warnings w);
  }

  private final Binder binder;
  private final Inventory inv;
  private final Diagnostics diag;
  private final Map<String, Handler> handlers = new HashMap<>();

  KindRouter(Binder binder, Inventory inv, Diagnostics diag) {
    this.binder = binder;
    this.inv = inv;
    this.diag = diag;
    on("/Pod", this::pod);
    workload("apps", "Deployment", (d, w) -> Workloads.deployment(d, bind(d, Deployment.class, w)));
    workload("apps", "ReplicaSet", (d, w) -> Workloads.replicaSet(d, bind(d, ReplicaSet.class, w)));
    workload(
        "apps", "StatefulSet", (d, w) -> Workloads.statefulSet(d, bind(d, StatefulSet.class, w)));
    workload(
        "",
        "ReplicationController",
        (d, w) -> Workloads.replicationController(d, bind(d, ReplicationController.class, w)));
    workload("batch", "Job", (d, w) -> Workloads.job(d, bind(d, Job.class, w), w));
    on("apps/DaemonSet", add(DaemonSet.class, (d, ds) -> inv.daemonSets.add(bound(d, ds))));
    on("extensions/DaemonSet", handlers.get("apps/DaemonSet"));
    on("autoscaling/HorizontalPodAutoscaler", this::hpa);
    on("policy/PodDisruptionBudget", versions(Set.of("v1", "v1beta1"), this::budget));
    on(
        "/Node",
        add(io.fabric8.kubernetes.api.model.Node.class, (d, n) -> inv.nodes.add(bound(d, n))));
    on(
        "karpenter.sh/Provisioner",
        versions(Set.of("v1alpha5"), add(ProvisionerDoc.class, this::pool)));
    on(
        "karpenter.sh/NodePool",
        versions(Set.of("v1", "v1beta1"), add(NodePoolDoc.class, this::pool)));
    on(
        "eksctl.io/ClusterConfig",
        versions(Set.of("v1alpha5"), add(ClusterConfigDoc.class, this::pool)));
    on(
        "karpenter.k8s.aws/AWSNodeTemplate",
        versions(
            Set.of("v1alpha1"),
            add(AwsNodeTemplateDoc.class, (d, t) -> inv.nodeTemplates.add(bound(d, t)))));
    on(
        "karpenter.k8s.aws/EC2NodeClass",
        versions(
            Set.of("v1", "v1beta1"),
            add(Ec2NodeClassDoc.class, (d, c) -> inv.nodeClasses.add(bound(d, c)))));
  }

  void route(Document doc) {
    JsonNode root = doc.root();
    if (root == null || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw doc.fail(FieldPath.ROOT, "expected a mapping (a Kubernetes object)");
    }
    requireText(doc, "apiVersion");
    requireText(doc, "kind");
    Warnings w = diag.forDocument(doc);
    if (isList(doc)) {
      for (int i = 0; i < root.get("items").size(); i++) {
        route(doc.item(i));
      }
      return;
    }
    Handler handler = handlers.get(doc.group() + "/" + doc.kind());
    if (handler == null) {
      skip(doc, w, null);
      return;
    }
    doc.within(
        () -> {
          handler.accept(doc, w);
          return null;
        });
  }

  private void pod(Document d, Warnings w) {
    Pod pod = bind(d, Pod.class, w);
    String key =
        Workload.key(
            "Pod", ObjectNames.namespace(pod.getMetadata()), ObjectNames.name(pod.getMetadata()));
    inv.podSources.add(new Inventory.PodSource(d, key, pod, null));
  }

  private void hpa(Document d, Warnings w) {
    switch (d.version()) {
      case "v1" -> {
        var h =
            bind(
                d, io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class, w);
        Hpa hpa = Hpas.v1(d, h);
        addHpa(d, hpa, Autoscalers.v1(hpa, h));
      }
      case "v2beta1" -> {
        var h =
            bind(
                d,
                io.fabric8.kubernetes.api.model.autoscaling.v2beta1.HorizontalPodAutoscaler.class,
                w);
        Hpa hpa = Hpas.v2beta1(d, h);
        addHpa(d, hpa, Autoscalers.v2beta1(hpa, h, w));
      }
      case "v2beta2" -> {
        var h =
            bind(
                d,
                io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class,
                w);
        Hpa hpa = Hpas.v2beta2(d, h);
        addHpa(d, hpa, Autoscalers.v2beta2(hpa, h, w));
      }
      default -> {
        var h =
            bind(
                d, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class, w);
        Hpa hpa = Hpas.v2(d, h);
        addHpa(d, hpa, Autoscalers.v2(hpa, h, w));
      }
    }
  }

  private void addHpa(Document d, Hpa hpa, Autoscaler autoscaler) {
    inv.hpas.add(hpa);
    inv.autoscalers.add(bound(d, autoscaler));
  }

  private void budget(Document d, Warnings w) {
    PodDisruptionBudgetDoc pdb = bind(d, PodDisruptionBudgetDoc.class, w);
    inv.budgets.add(bound(d, DisruptionBudgets.convert(pdb, d.version(), w)));
  }

  private void pool(Document d, Object pool) {
    inv.poolSources.add(bound(d, pool));
  }

  /** A handler that binds the document to {@code type} and hands it to {@code sink}. */
  private <T> Handler add(Class<T> type, BiConsumer<Document, T> sink) {
    return (d, w) -> sink.accept(d, bind(d, type, w));
  }

  private static <T> Inventory.Bound<T> bound(Document doc, T value) {
    return new Inventory.Bound<>(doc, value);
  }

  private void on(String groupKind, Handler handler) {
    handlers.put(groupKind, handler);
  }

  private void workload(String group, String kind, BiFunction<Document, Warnings, Workload> read) {
    Handler h =
        (d, w) -> {
          Workload workload = read.apply(d, w);
          inv.podSources.add(new Inventory.PodSource(d, workload.key(), null, workload));
        };
    on(group + "/" + kind, h);
    if (group.equals("apps")) {
      on("extensions/" + kind, h);
    }
  }

  private Handler versions(Set<String> supported, Handler handler) {
    return (d, w) -> {
      if (supported.contains(d.version())) {
        handler.accept(d, w);
      } else {
        skip(d, w, "unsupported apiVersion " + d.apiVersion() + " (supported: " + supported + ")");
      }
    };
  }

  private void skip(Document doc, Warnings w, String why) {
    diag.skipped(doc.kind());
    String note = why != null ? why : NonSchedulingKinds.NOTED.get(doc.kind());
    if (note == null && !NonSchedulingKinds.SILENT.contains(doc.kind())) {
      note = "unknown kind " + doc.apiVersion() + " " + doc.kind() + ": skipped";
    }
    if (note != null) {
      w.warn(FieldPath.ROOT, note);
    }
  }

  private <T> T bind(Document doc, Class<T> type, Warnings w) {
    return binder.bind(doc.root(), type, w);
  }

  private static boolean isList(Document doc) {
    boolean items = doc.root().path("items").isArray();
    if (doc.kind().equals("List") && !items) {
      throw doc.fail(FieldPath.of("items"), "expected a list");
    }
    return items && doc.kind().endsWith("List");
  }

  private static void requireText(Document doc, String field) {
    JsonNode node = doc.root().path(field);
    if (node.isMissingNode() || node.isNull() || node.asText().isBlank()) {
      throw doc.fail(FieldPath.of(field), "missing");
    }
    if (!node.isTextual()) {
      throw doc.fail(FieldPath.of(field), "expected a string");
    }
  }
}
