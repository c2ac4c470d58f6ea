package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.resource.Resources;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.Quantities;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Checks a KubeletSpec the way Karpenter's CRD does and converts it to the core KubeletConfig. */
final class KubeletConverter {
  private static final Set<String> RESERVED = Set.of("cpu", "memory", "ephemeral-storage", "pid");
  private static final Set<String> SIGNALS =
      Set.of(
          "memory.available",
          "nodefs.available",
          "nodefs.inodesFree",
          "imagefs.available",
          "imagefs.inodesFree",
          "pid.available");
  private static final Pattern PERCENT =
      Pattern.compile("(\\d{1,2}(\\.\\d{1,2})?|100(\\.0{1,2})?)%");

  private KubeletConverter() {}

  static KubeletConfig convert(FieldPath at, KubeletSpec k) {
    if (k == null) {
      return null;
    }
    if (k.maxPods() != null && k.maxPods() < 1) {
      throw new FieldError(at.child("maxPods"), "must be at least 1, got " + k.maxPods());
    }
    if (k.podsPerCore() != null && k.podsPerCore() < 0) {
      throw new FieldError(at.child("podsPerCore"), "must not be negative");
    }
    return new KubeletConfig(
        k.maxPods(),
        k.podsPerCore(),
        reserved(at.child("systemReserved"), k.systemReserved()),
        reserved(at.child("kubeReserved"), k.kubeReserved()),
        eviction(at.child("evictionHard"), k.evictionHard()),
        eviction(at.child("evictionSoft"), k.evictionSoft()));
  }

  private static Resources reserved(
      FieldPath at, Map<String, com.fasterxml.jackson.databind.JsonNode> r) {
    if (r != null) {
      for (String key : r.keySet()) {
        if (!RESERVED.contains(key)) {
          throw new FieldError(at.child(key), "valid keys are cpu, memory, ephemeral-storage, pid");
        }
      }
    }
    return Quantities.fromNodes(at, r);
  }

  private static Map<String, String> eviction(FieldPath at, Map<String, String> thresholds) {
    Map<String, String> result = new TreeMap<>();
    if (thresholds == null) {
      return result;
    }
    thresholds.forEach(
        (signal, value) -> {
          FieldPath p = at.child(signal);
          if (!SIGNALS.contains(signal)) {
            throw new FieldError(p, "unknown eviction signal (expected one of " + SIGNALS + ")");
          }
          if (value == null || !PERCENT.matcher(value).matches()) {
            Quantities.canonical(p, signal.startsWith("memory") ? "memory" : signal, value);
          }
          result.put(signal, value);
        });
    return result;
  }
}
