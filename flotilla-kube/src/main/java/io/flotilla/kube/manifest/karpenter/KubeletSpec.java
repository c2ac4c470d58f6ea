package io.flotilla.kube.manifest.karpenter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Karpenter's kubelet settings (v1alpha5 kubeletConfiguration, v1beta1 NodePool kubelet, v1
 * EC2NodeClass kubelet). The fields listed as ignored do not change capacity.
 */
@JsonIgnoreProperties({
  "clusterDNS",
  "containerRuntime",
  "cpuCFSQuota",
  "evictionSoftGracePeriod",
  "evictionMaxPodGracePeriod",
  "imageGCHighThresholdPercent",
  "imageGCLowThresholdPercent"
})
public record KubeletSpec(
    Integer maxPods,
    Integer podsPerCore,
    Map<String, JsonNode> systemReserved,
    Map<String, JsonNode> kubeReserved,
    Map<String, String> evictionHard,
    Map<String, String> evictionSoft) {}
