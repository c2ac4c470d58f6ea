package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host ports a pod occupies, as "port/protocol": every container port with a hostPort, and with
 * hostNetwork every container port. Sidecars count; plain init containers do not.
 */
final class HostPorts {
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");

  private HostPorts() {}

  static Set<String> of(FieldPath spec, PodSpec s) {
    boolean hostNetwork = Boolean.TRUE.equals(s.getHostNetwork());
    Set<String> ports = new TreeSet<>();
    add(ports, spec.child("containers"), s.getContainers(), hostNetwork, false);
    add(ports, spec.child("initContainers"), s.getInitContainers(), hostNetwork, true);
    return ports;
  }

  private static void add(
      Set<String> ports, FieldPath at, List<Container> cs, boolean hostNetwork, boolean init) {
    for (int i = 0; cs != null && i < cs.size(); i++) {
      Container c = cs.get(i);
      if (init && !EffectiveRequests.isSidecar(c)) {
        continue;
      }
      List<ContainerPort> list = c.getPorts();
      for (int j = 0; list != null && j < list.size(); j++) {
        FieldPath p = at.index(i).child("ports").index(j);
        ContainerPort port = list.get(j);
        Integer host = port.getHostPort();
        if (host == null || host == 0) {
          host = hostNetwork ? port.getContainerPort() : null;
        }
        if (host == null) {
          continue;
        }
        if (host < 1 || host > 65535) {
          throw new FieldError(p.child("hostPort"), "must be 1..65535, got " + host);
        }
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        if (!PROTOCOLS.contains(protocol)) {
          throw new FieldError(
              p.child("protocol"),
              "unknown protocol '" + protocol + "' (expected TCP, UDP or SCTP)");
        }
        ports.add(host + "/" + protocol);
      }
    }
  }
}
