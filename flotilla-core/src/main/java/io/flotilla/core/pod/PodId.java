package io.flotilla.core.pod;

import java.util.Objects;

/** A pod's identity, printed "namespace/name". */
public record PodId(String namespace, String name) implements Comparable<PodId> {
  public PodId {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(PodId o) {
    int c = namespace.compareTo(o.namespace);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
