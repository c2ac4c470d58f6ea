package io.flotilla.kube.manifest.eksctl;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** An eksctl.io/v1alpha5 ClusterConfig: only its node groups matter for planning. */
@JsonIgnoreProperties({
  "accessConfig",
  "addons",
  "addonsConfig",
  "autoModeConfig",
  "availabilityZones",
  "cloudWatch",
  "fargateProfiles",
  "gitops",
  "iam",
  "iamIdentityMappings",
  "identityProviders",
  "karpenter",
  "kubernetesNetworkConfig",
  "localZones",
  "outpost",
  "podIdentityAssociations",
  "privateCluster",
  "remoteNetworkConfig",
  "secretsEncryption",
  "status",
  "vpc",
  "zonalShiftConfig"
})
public record ClusterConfigDoc(
    String apiVersion,
    String kind,
    Metadata metadata,
    List<NodeGroup> nodeGroups,
    List<NodeGroup> managedNodeGroups) {

  /** The cluster's name and region. */
  @JsonIgnoreProperties({"version", "tags", "annotations", "accountID"})
  public record Metadata(String name, String region) {}

  /** A self-managed or managed node group; the ignored fields do not change capacity. */
  @JsonIgnoreProperties({
    "additionalVolumes",
    "ami",
    "asgMetricsCollection",
    "asgSuspendProcesses",
    "bottlerocket",
    "capacityReservation",
    "classicLoadBalancerNames",
    "clusterDNS",
    "containerRuntime",
    "cpuCredits",
    "disableIMDSv1",
    "disablePodIMDS",
    "ebsOptimized",
    "efaEnabled",
    "enableDetailedMonitoring",
    "iam",
    "instanceMarketOptions",
    "instanceName",
    "instancePrefix",
    "kubeletExtraConfig",
    "launchTemplate",
    "localZones",
    "maxInstanceLifetime",
    "nodeRepairConfig",
    "outpostARN",
    "overrideBootstrapCommand",
    "placement",
    "preBootstrapCommands",
    "privateNetworking",
    "propagateASGTags",
    "releaseVersion",
    "securityGroups",
    "ssh",
    "subnets",
    "tags",
    "targetGroupARNs",
    "updateConfig",
    "volumeEncrypted",
    "volumeIOPS",
    "volumeKmsKeyID",
    "volumeName",
    "volumeThroughput",
    "volumeType",
    "warmPool"
  })
  public record NodeGroup(
      String name,
      String instanceType,
      List<String> instanceTypes,
      Distribution instancesDistribution,
      JsonNode instanceSelector,
      Boolean spot,
      Integer minSize,
      Integer maxSize,
      Integer desiredCapacity,
      Map<String, String> labels,
      JsonNode taints,
      String amiFamily,
      Integer volumeSize,
      Integer maxPodsPerNode,
      List<String> availabilityZones) {}

  /** A mixed-instances policy of a self-managed group. */
  @JsonIgnoreProperties({
    "capacityRebalance",
    "maxPrice",
    "onDemandAllocationStrategy",
    "spotInstancePools"
  })
  public record Distribution(
      List<String> instanceTypes,
      Integer onDemandBaseCapacity,
      Integer onDemandPercentageAboveBaseCapacity,
      String spotAllocationStrategy) {}
}
