package io.flotilla.core.testing.check;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Kubernetes label semantics, written again from the API documentation so the checker shares no
 * code with the planner: node selector requirements (In, NotIn, Exists, DoesNotExist, Gt, Lt), node
 * selector terms (expressions ANDed, terms ORed, an empty term matches nothing), label selectors
 * and pod affinity terms. Only record fields of the core types are read.
 */
public final class Selectors {
  private Selectors() {}

  /** Does a node whose label has this value (null: the node lacks the label) satisfy r? */
  public static boolean holds(Requirement r, String value) {
    return switch (r.operator()) {
      case IN -> value != null && r.values().contains(value);
      case NOT_IN -> value == null || !r.values().contains(value);
      case EXISTS -> value != null;
      case DOES_NOT_EXIST -> value == null;
      // Gt and Lt compare integers; a label that is not one never satisfies them.
      case GT -> compare(value, r) > 0;
      case LT -> compare(value, r) < 0;
    };
  }

  /** The label against the requirement's bound; 0 when either is not an integer. */
  private static int compare(String value, Requirement r) {
    Long label = integer(value);
    Long bound = integer(r.values().iterator().next());
    if (label == null || bound == null) {
      return 0;
    }
    return Long.compare(label, bound);
  }

  private static Long integer(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every expression of one node selector term holds; an empty term selects no node. */
  public static boolean termHolds(Requirements term, Function<String, String> labels) {
    if (term.list().isEmpty()) {
      return false;
    }
    return allHold(term.list(), labels);
  }

  /** Every requirement holds (an empty list holds everywhere: a pool without requirements). */
  public static boolean allHold(List<Requirement> requirements, Function<String, String> labels) {
    for (Requirement r : requirements) {
      if (!holds(r, labels.apply(r.key()))) {
        return false;
      }
    }
    return true;
  }

  /** The required node affinity (nodeSelector included): some term holds, or there is none. */
  public static boolean requiredHolds(NodeAffinity affinity, Function<String, String> labels) {
    if (affinity.requiredTerms().isEmpty()) {
      return true;
    }
    for (Requirements term : affinity.requiredTerms()) {
      if (termHolds(term, labels)) {
        return true;
      }
    }
    return false;
  }

  public static boolean requiredHolds(NodeAffinity affinity, Map<String, String> labels) {
    return requiredHolds(affinity, labels::get);
  }

  /** matchLabels all equal and every matchExpression holds; an empty selector selects all. */
  public static boolean selects(LabelSelector selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return allHold(selector.matchExpressions(), labels::get);
  }

  /**
   * Does a pod (anti-)affinity term of a pod in {@code ownNamespace} select {@code other}? The
   * term's namespaces, or the owner's namespace when it lists none, and its label selector.
   */
  public static boolean selects(PodAffinityTerm term, String ownNamespace, Pod other) {
    String ns = other.id().namespace();
    boolean inNamespace =
        term.namespaces().isEmpty() ? ns.equals(ownNamespace) : term.namespaces().contains(ns);
    return inNamespace && selects(term.selector(), other.labels());
  }
}
