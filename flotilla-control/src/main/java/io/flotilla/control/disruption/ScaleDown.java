package io.flotilla.control.disruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Disrupt;
import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Cluster Autoscaler's scale-down: a node is unneeded while the larger of its requested CPU and
 * memory shares of allocatable (every pod bound there, DaemonSet pods included) is below the
 * threshold; once unneeded for long enough, and not within the delay after a scale-up, it is
 * drained and deleted if its pods all fit on the other nodes (a simulation with the planner in
 * which no new node may be launched). Empty nodes go in bulk, at most one non-empty node per pass.
 * It launches nothing and knows nothing of NodePool budgets or expiry.
 */
final class ScaleDown {
  private final ScaleDownSettings settings;
  private final int attemptsPerPass;
  private final Provisioner provisioner;
  private final Attempts attempts;
  private final Map<String, Instant> unneededSince = new HashMap<>();
  private long simulations;

  ScaleDown(DisruptionSettings settings, Provisioner provisioner) {
    this.settings = settings.scaleDown();
    this.attemptsPerPass = settings.singleNodeAttemptsPerPass();
    this.provisioner = provisioner;
    this.attempts = new Attempts(settings.retryAfter());
  }

  long simulations() {
    return simulations;
  }

  List<Command> decide(
      List<FleetNode> fleet, SimulationBase base, Instant lastScaleUp, Instant changedAt) {
    Instant now = base.now();
    track(fleet, now);
    Set<String> names = new HashSet<>();
    fleet.forEach(n -> names.add(n.name()));
    attempts.observe(names, changedAt, now);
    if (lastScaleUp != null && now.isBefore(lastScaleUp.plus(settings.delayAfterAdd()))) {
      return List.of();
    }
    List<FleetNode> unneeded =
        fleet.stream()
            .filter(n -> removable(n, base.leaving(), now))
            .sorted(
                Comparator.comparing((FleetNode n) -> unneededSince.get(n.name()))
                    .thenComparing(FleetNode::name))
            .toList();
    List<Command> commands = new ArrayList<>();
    Set<String> removed = new HashSet<>(base.leaving());
    for (FleetNode n : unneeded) {
      if (n.empty() && commands.size() < settings.maxEmptyBulkDelete()) {
        commands.add(new Disrupt(n.name(), DisruptionDecision.SCALE_DOWN_EMPTY));
        removed.add(n.name());
      }
    }
    int tries = 0;
    for (FleetNode n : unneeded) {
      if (n.empty() || !attempts.worthTrying(n, now)) {
        continue;
      }
      if (tries == attemptsPerPass) {
        break;
      }
      tries++;
      Set<String> without = new HashSet<>(removed);
      without.add(n.name());
      Plan plan = provisioner.simulate(RemovalRequest.of(base.cluster(), without), now);
      simulations++;
      if (plan.newNodes().isEmpty() && plan.unschedulable().isEmpty()) {
        commands.add(new Disrupt(n.name(), DisruptionDecision.SCALE_DOWN_UNDERUTILIZED));
        break;
      }
      attempts.failed(n.name(), now);
    }
    return commands;
  }

  private boolean removable(FleetNode n, Set<String> leaving, Instant now) {
    Instant since = unneededSince.get(n.name());
    return since != null
        && !leaving.contains(n.name())
        && !n.doNotDisrupt()
        && !n.nominated()
        && n.podsEvictable()
        && !now.isBefore(since.plus(settings.unneededTime()));
  }

  private void track(List<FleetNode> fleet, Instant now) {
    Set<String> seen = new HashSet<>();
    for (FleetNode n : fleet) {
      seen.add(n.name());
      if (!n.disrupting() && utilization(n) < settings.utilizationThreshold()) {
        unneededSince.putIfAbsent(n.name(), now);
      } else {
        unneededSince.remove(n.name());
      }
    }
    unneededSince.keySet().retainAll(seen);
  }

  /** The larger of the requested CPU and memory shares of allocatable. */
  static double utilization(FleetNode n) {
    return Math.max(
        share(n.requested(), n.allocatable(), ResourceNames.CPU),
        share(n.requested(), n.allocatable(), ResourceNames.MEMORY));
  }

  private static double share(Resources requested, Resources allocatable, String name) {
    long total = allocatable.get(name);
    long used = requested.get(name);
    if (total <= 0) {
      return used > 0 ? 1 : 0;
    }
    return (double) used / total;
  }
}
