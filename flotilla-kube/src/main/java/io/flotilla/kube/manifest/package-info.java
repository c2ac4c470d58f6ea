/**
 * Reads the Kubernetes, Karpenter and eksctl manifests users already have into Flotilla's domain
 * model: {@link io.flotilla.kube.manifest.ManifestReader} is the entry point.
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>The input is taken as {@code kubectl apply} of the files in order would leave a cluster: a
 *       later object with the same kind, namespace and name replaces an earlier one (warned).
 *   <li>Cluster dumps plan as they are: the pods a workload of the input already has count toward
 *       its replicas (a ReplicaSet's pods toward its Deployment), and a DaemonSet's pods are its
 *       overhead. New replicas are named {@code <name>-<i>} with the lowest {@code i} no pod of the
 *       input uses.
 *   <li>Empty input is an error: a directory without manifest files, a named file without
 *       documents, or input without any pod, workload or node pool. {@code -} is standard input.
 *   <li>A key given twice in one mapping is an error, as kubectl makes it.
 *   <li>{@code matchFields} on {@code metadata.name} becomes a requirement on the {@code
 *       kubernetes.io/hostname} label, which carries the node name on EKS.
 *   <li>A namespaceSelector in a pod affinity term is taken as every namespace in the input.
 *   <li>v1alpha5 Provisioners get the defaults Karpenter's webhook added (linux, amd64, on-demand,
 *       c/m/r generation &gt; 2) and the default 10% disruption budget.
 *   <li>Unknown field names are warnings, for Kubernetes kinds as well as Karpenter and eksctl
 *       ones; unknown values of fields that change scheduling are errors.
 *   <li>Plain YAML scalars follow the YAML 1.2 core schema for null and booleans and otherwise keep
 *       their text, so {@code version: 010} stays "010" and {@code yes} stays "yes".
 * </ul>
 */
package io.flotilla.kube.manifest;
