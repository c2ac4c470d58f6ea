package io.flotilla.kube.manifest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The warnings and skipped-kind counts of one read. Not shared between reads. */
public final class Diagnostics {
  private final List<String> warnings = new ArrayList<>();
  private final SortedMap<String, Integer> skippedKinds = new TreeMap<>();

  public void warn(String message) {
    warnings.add(message);
  }

  /** A sink that locates each warning in the document. */
  public Warnings forDocument(Document doc) {
    return (path, message) -> warnings.add(doc.location(path).format(message));
  }

  public void skipped(String kind) {
    skippedKinds.merge(kind, 1, Integer::sum);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public SortedMap<String, Integer> skippedKinds() {
    return new TreeMap<>(skippedKinds);
  }
}
