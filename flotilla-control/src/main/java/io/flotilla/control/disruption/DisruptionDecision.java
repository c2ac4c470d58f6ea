package io.flotilla.control.disruption;

import java.util.List;
import java.util.Objects;

/**
 * What voluntary disruption or garbage collection decided about one node (or instance), for a
 * caller to observe (the simulator's markers, a controller's events). {@code reason} is one of
 * {@code Expired}, {@code Empty}, {@code Underutilized/delete}, {@code Underutilized/replace k->n}
 * (k nodes by n cheaper ones; {@code replacements} names the NodeClaims launched), {@code
 * Underutilized/abandoned} (a replacement failed, the node stays), {@code ScaleDown/empty}, {@code
 * ScaleDown/underutilized}, {@code GarbageCollected/orphan instance} (the instance's id as {@code
 * node}) and {@code GarbageCollected/instance gone}.
 */
public record DisruptionDecision(String node, String reason, List<String> replacements) {
  public static final String EXPIRED = "Expired";
  public static final String EMPTY = "Empty";
  public static final String UNDERUTILIZED = "Underutilized";
  public static final String DELETE = UNDERUTILIZED + "/delete";
  public static final String ABANDONED = UNDERUTILIZED + "/abandoned";
  public static final String SCALE_DOWN_EMPTY = "ScaleDown/empty";
  public static final String SCALE_DOWN_UNDERUTILIZED = "ScaleDown/underutilized";
  public static final String ORPHAN_INSTANCE = "GarbageCollected/orphan instance";
  public static final String INSTANCE_GONE = "GarbageCollected/instance gone";

  public DisruptionDecision {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(reason, "reason");
    replacements = List.copyOf(replacements);
  }

  public DisruptionDecision(String node, String reason) {
    this(node, reason, List.of());
  }

  /** The reason of a move of {@code from} nodes onto {@code to} new ones. */
  public static String replace(int from, int to) {
    return UNDERUTILIZED + "/replace " + from + "->" + to;
  }
}
