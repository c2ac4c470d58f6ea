package io.flotilla.kube.manifest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path to a field inside one manifest document, printed the way Kubernetes prints field paths:
 * {@code spec.containers[0].resources.requests.cpu}; map keys that are not plain names are
 * bracketed, e.g. {@code nodeSelector[kubernetes.io/arch]}.
 */
public record FieldPath(List<Object> segments) {
  public static final FieldPath ROOT = new FieldPath(List.of());
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  public FieldPath {
    segments = List.copyOf(segments);
  }

  public static FieldPath of(String... names) {
    FieldPath path = ROOT;
    for (String name : names) {
      path = path.child(name);
    }
    return path;
  }

  public FieldPath child(String name) {
    return append(name);
  }

  public FieldPath index(int index) {
    return append(index);
  }

  /** This path followed by {@code relative}. */
  public FieldPath resolve(FieldPath relative) {
    List<Object> all = new ArrayList<>(segments);
    all.addAll(relative.segments);
    return new FieldPath(all);
  }

  public boolean isRoot() {
    return segments.isEmpty();
  }

  public FieldPath parent() {
    return isRoot() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /** The JSON pointer form, e.g. {@code /spec/containers/0}. */
  public String pointer() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      sb.append('/').append(s.toString().replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private FieldPath append(Object segment) {
    List<Object> all = new ArrayList<>(segments);
    all.add(segment);
    return new FieldPath(all);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else if (PLAIN.matcher((String) s).matches()) {
        sb.append(sb.isEmpty() ? "" : ".").append(s);
      } else {
        sb.append('[').append(s).append(']');
      }
    }
    return sb.toString();
  }
}
