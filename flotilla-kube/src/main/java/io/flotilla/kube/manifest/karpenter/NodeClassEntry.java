package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;

/** A converted node class and, for karpenter.k8s.aws/v1 EC2NodeClass, its kubelet settings. */
public record NodeClassEntry(NodeClass nodeClass, KubeletConfig kubelet) {}
