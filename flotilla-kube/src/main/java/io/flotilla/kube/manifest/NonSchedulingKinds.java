package io.flotilla.kube.manifest;

import java.util.Map;
import java.util.Set;

/** Kinds that do not affect where pods go: skipped and counted. Some deserve a word. */
final class NonSchedulingKinds {
  static final Set<String> SILENT =
      Set.of(
          "APIService",
          "Certificate",
          "ClusterIssuer",
          "ClusterRole",
          "ClusterRoleBinding",
          "ConfigMap",
          "ControllerRevision",
          "CSIDriver",
          "CustomResourceDefinition",
          "Endpoints",
          "EndpointSlice",
          "Event",
          "Gateway",
          "GatewayClass",
          "HTTPRoute",
          "Ingress",
          "IngressClass",
          "Issuer",
          "Lease",
          "MutatingWebhookConfiguration",
          "Namespace",
          "NetworkPolicy",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "PodMonitor",
          "PodSecurityPolicy",
          "PodTemplate",
          "PriorityClass",
          "PrometheusRule",
          "ResourceQuota",
          "Role",
          "RoleBinding",
          "RuntimeClass",
          "Secret",
          "Service",
          "ServiceAccount",
          "ServiceMonitor",
          "StorageClass",
          "ValidatingAdmissionPolicy",
          "ValidatingAdmissionPolicyBinding",
          "ValidatingWebhookConfiguration",
          "VolumeSnapshotClass");

  static final Map<String, String> NOTED =
      Map.of(
          "CronJob", "CronJob pods run only on schedule; not planned",
          "LimitRange", "LimitRange defaults are not applied to pods without requests");

  private NonSchedulingKinds() {}
}
