package io.flotilla.control.manager;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.control.command.TerminateInstance;
import io.flotilla.control.disruption.DisruptionDecision;
import io.flotilla.control.disruption.DisruptionInput;
import io.flotilla.control.disruption.DisruptionPass;
import io.flotilla.control.disruption.VoluntaryDisruption;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.garbage.GarbageCollector;
import io.flotilla.control.interruption.CheckpointingDrainer;
import io.flotilla.control.interruption.InterruptionHandler;
import io.flotilla.control.provisioning.BatchWindow;
import io.flotilla.control.provisioning.LaunchResult;
import io.flotilla.control.provisioning.Launcher;
import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.control.provisioning.ProvisioningDecision;
import io.flotilla.control.provisioning.UnavailableOfferings;
import io.flotilla.core.node.Node;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The control loops run together, as Karpenter's controller manager runs them: on each pass it
 * reads the cluster through its port, lets the interruption handler, the drains, voluntary
 * disruption, garbage collection and provisioning decide, and has the {@link Executor} carry out
 * their commands. A pass returns when it next wants to run if nothing else happens (a batch
 * closing, a retry falling due, a node going away); whoever drives it (the simulator's event loop,
 * or a real controller's timer and watches) also calls it when the cluster changes.
 */
public final class ControlPlane {
  private final ClusterConfig config;
  private final ControlSettings settings;
  private final ControlPorts ports;
  private final Provisioner provisioner;
  private final Launcher launcher;
  private final InterruptionHandler interruptions;
  private final VoluntaryDisruption disruption;
  private final GarbageCollector garbage;
  private final CheckpointingDrainer drainer;
  private final Executor executor;
  private final FleetReader fleetReader;

  private final ControlState state = new ControlState();
  private Optional<BatchWindow.Open> batch = Optional.empty();
  private Instant nextDisruption = Instant.MIN;
  private Instant nextCollection = Instant.MIN;
  private List<DisruptionDecision> decisions = List.of();

  public ControlPlane(
      Planner planner, ClusterConfig config, ControlSettings settings, ControlPorts ports) {
    this.config = config;
    this.settings = settings;
    this.ports = ports;
    UnavailableOfferings unavailable = new UnavailableOfferings();
    this.provisioner = new Provisioner(planner, unavailable);
    this.launcher = new Launcher(ports.cloud(), unavailable, settings.backoff());
    this.interruptions = new InterruptionHandler(settings.interruption());
    this.drainer = new CheckpointingDrainer(settings.interruption());
    this.disruption = new VoluntaryDisruption(provisioner, config.pools(), settings.disruption());
    this.garbage = new GarbageCollector(settings.garbageCollection());
    this.executor = new Executor(ports, state);
    this.fleetReader = new FleetReader(config, state);
  }

  /** A warning from the cloud's event source (for AWS, the EventBridge rules' SQS queue). */
  public void warn(InterruptionWarning warning) {
    state.warn(warning);
  }

  /**
   * The voluntary-disruption and garbage-collection decisions of the last pass, in the order they
   * were made (empty when neither ran): which node, why ({@link DisruptionDecision}'s reasons) and,
   * for a consolidation replace, the NodeClaims launched for it.
   */
  public List<DisruptionDecision> lastDecisions() {
    return decisions;
  }

  /** Scheduling simulations run so far by consolidation and scale-down (what they cost). */
  public long disruptionSimulations() {
    return disruption.simulations();
  }

  /**
   * One pass of every loop at {@code now}; returns when the next pass is due if nothing happens.
   */
  public Optional<Instant> reconcile(Instant now) {
    List<Pod> pods = ports.cluster().pods();
    List<Node> nodes = ports.cluster().nodes();
    List<NodeClaim> claims = ports.cluster().nodeClaims();
    state.observe(nodes, claims, ports.cluster()::pod, now);

    ClusterPods view = ClusterPods.of(ports.cluster());
    List<Command> commands = new ArrayList<>();
    List<DisruptionDecision> decided = new ArrayList<>();
    state
        .warned()
        .forEach(
            (node, w) ->
                commands.addAll(
                    interruptions.decide(
                        w.at(
                            view,
                            state.checkpoint(node),
                            state.replacementReady(node, claimNames(claims, nodes))),
                        now)));
    state
        .disrupting()
        .forEach(
            (node, reason) -> {
              if (!state.warned().containsKey(node)) {
                InterruptionWarning own =
                    CheckpointingDrainer.voluntary(
                        node, settings.interruption().drainReserve(), now);
                commands.addAll(drainer.next(own, view, reason, state.checkpoint(node), now));
              }
            });
    List<LaunchNodeClaim> replacements = List.of();
    boolean validationDue = disruption.validationDue().filter(d -> !now.isBefore(d)).isPresent();
    if (!now.isBefore(nextDisruption) || validationDue) {
      DisruptionPass pass = disrupt(pods, nodes, claims, view, now);
      commands.addAll(pass.commands());
      decided.addAll(pass.decisions());
      pass.cancelledClaims().forEach(state::cancelRetry);
      replacements = pass.launches();
      nextDisruption = now.plus(settings.disruptionInterval());
    }
    if (!now.isBefore(nextCollection)) {
      List<Command> collected = garbage.collect(ports.cloud().instances(), claims, now);
      collected.forEach(c -> decided.add(collectedDecision(c)));
      commands.addAll(collected);
      nextCollection = now.plus(settings.garbageCollection().interval());
    }
    executor.execute(commands, now);
    for (LaunchNodeClaim claim : replacements) {
      launch(claim, 0, now);
    }

    retryLaunches(now);
    provision(now);
    decisions = List.copyOf(decided);
    return nextWakeUp(claims);
  }

  /** A voluntary-disruption pass over the fleet as it is now. */
  private DisruptionPass disrupt(
      List<Pod> pods, List<Node> nodes, List<NodeClaim> claims, ClusterPods view, Instant now) {
    state.podChanges().observe(joinedNames(nodes), pods, view.terminating(), now);
    if (!disruption.reservations().isEmpty()) {
      disruption.pruneReservations(bound(pods));
    }
    DisruptionInput input =
        new DisruptionInput(
            fleetReader.read(
                claims, nodes, view, Set.copyOf(disruption.reservations().values()), now),
            request(pods, view.terminating(), Set.of()),
            claims,
            state.podChanges().clusterChangedAt());
    return disruption.decide(input, now);
  }

  private static DisruptionDecision collectedDecision(Command c) {
    if (c instanceof TerminateInstance t) {
      return new DisruptionDecision(t.instanceId(), t.reason());
    }
    DeleteNode d = (DeleteNode) c;
    return new DisruptionDecision(d.node(), d.reason());
  }

  private void retryLaunches(Instant now) {
    for (LaunchResult.RetryAt retry : state.dueRetries(now)) {
      launch(retry.claim(), retry.retry(), now);
    }
  }

  private void provision(Instant now) {
    List<Pod> pods = ports.cluster().pods();
    Set<PodId> terminating = ports.cluster().terminating();
    Set<PodId> pending =
        pods.stream()
            .filter(p -> !p.bound() && !terminating.contains(p.id()))
            .filter(p -> state.nominations().targetOf(p.id()) == null)
            .map(Pod::id)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<PodId> replacing = state.replacing(pods, terminating);
    BatchWindow.Step step = settings.batch().observe(batch, now, pending);
    batch = step.batch();
    state.setBatchClosesAt(step.closesAt());
    // Replacement capacity for a node going away, and pods whose launch failed, are planned at
    // once; everything else waits for its batch to close.
    boolean ready = step.ready() || !replacing.isEmpty() || state.takeReplan();
    if (!ready || (pending.isEmpty() && replacing.isEmpty())) {
      return;
    }
    batch = Optional.empty();
    state.setBatchClosesAt(Optional.empty());
    PlanRequest request = request(pods, terminating, replacing);
    ProvisioningDecision decision = provisioner.decide(request, now);
    decision.nominations().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> state.nominations().nominate(e.getKey(), e.getValue(), now));
    recordReplacements(pods, replacing, decision);
    replacing.forEach(state::replaced);
    for (LaunchNodeClaim claim : decision.launches()) {
      launch(claim, 0, now);
    }
  }

  private void launch(LaunchNodeClaim claim, int retry, Instant now) {
    LaunchResult result = launcher.launch(claim, retry, now);
    if (result instanceof LaunchResult.Launched launched) {
      ports
          .cluster()
          .createNodeClaim(
              new NodeClaim(
                  claim.name(),
                  claim.pool(),
                  claim.offering(),
                  launched.instance().id(),
                  claim.labels(),
                  claim.allocatable(),
                  now));
      claim.pods().forEach(p -> state.nominations().nominate(p, claim.name(), now));
    } else if (result instanceof LaunchResult.RetryAt retryAt) {
      state.retryLater(retryAt);
    } else {
      disruption.launchFailed(claim.name());
      state.replanSoon();
    }
  }

  /**
   * The cluster as the planner sees it: bound pods where they are, nominated pods on their target,
   * pods of a node going away pending (so their replacement capacity is planned at once), pods
   * being evicted left out; ready nodes plus the NodeClaims still in flight as nodes with the
   * labels and room they will have. A pod moving to a consolidation replacement also holds its room
   * there (as a copy of itself) until it leaves its old node.
   */
  private PlanRequest request(List<Pod> pods, Set<PodId> terminating, Set<PodId> replacing) {
    List<Node> nodes = new ArrayList<>(ports.cluster().nodes());
    Set<String> known = nodes.stream().map(Node::name).collect(Collectors.toSet());
    for (NodeClaim claim : ports.cluster().nodeClaims()) {
      if (known.add(claim.name())) {
        nodes.add(claim.asNode(config.taintsOf(claim.pool())));
      }
    }
    Map<PodId, String> reserved = disruption.reservations();
    List<Pod> planned = new ArrayList<>();
    for (Pod p : pods) {
      if (terminating.contains(p.id())) {
        continue;
      }
      if (replacing.contains(p.id())) {
        planned.add(p.withNodeName(null));
        continue;
      }
      String target = p.bound() ? null : state.nominations().targetOf(p.id());
      planned.add(target == null ? p : p.withNodeName(target));
      String moving = reserved.get(p.id());
      if (p.bound() && moving != null && known.contains(moving)) {
        PodId copy = new PodId(p.id().namespace(), p.id().name() + "@" + moving);
        planned.add(p.withId(copy).withNodeName(moving));
      }
    }
    return new PlanRequest(
        planned,
        nodes,
        config.pools(),
        ports.cluster().daemonSets(),
        config.catalog(),
        config.options());
  }

  /** Where the pods of warned nodes were planned: their nodes then wait for those to be ready. */
  private void recordReplacements(
      List<Pod> pods, Set<PodId> replacing, ProvisioningDecision decision) {
    if (replacing.isEmpty()) {
      return;
    }
    Map<PodId, String> nominations = new HashMap<>(decision.nominations());
    for (LaunchNodeClaim claim : decision.launches()) {
      claim.pods().forEach(p -> nominations.put(p, claim.name()));
    }
    for (Pod p : pods) {
      String target = nominations.get(p.id());
      if (target != null && replacing.contains(p.id())) {
        ControlState.Warned w = state.warned().get(p.nodeName());
        if (w != null) {
          w.replacedBy(target);
        }
      }
    }
  }

  /** NodeClaims that have not joined as nodes yet. */
  private static Set<String> claimNames(List<NodeClaim> claims, List<Node> nodes) {
    Set<String> joined = joinedNames(nodes);
    Set<String> out = new HashSet<>();
    for (NodeClaim c : claims) {
      if (!joined.contains(c.name())) {
        out.add(c.name());
      }
    }
    return out;
  }

  private static Set<String> joinedNames(List<Node> nodes) {
    Set<String> out = new HashSet<>();
    nodes.forEach(n -> out.add(n.name()));
    return out;
  }

  /**
   * Pods bound to a node: a reservation lasts until its pod is gone from its old node, so the
   * replacement is not taken for empty before the pod's successor is placed.
   */
  private static Set<PodId> bound(List<Pod> pods) {
    Set<PodId> out = new HashSet<>();
    for (Pod p : pods) {
      if (p.bound()) {
        out.add(p.id());
      }
    }
    return out;
  }

  private Optional<Instant> nextWakeUp(List<NodeClaim> claims) {
    List<Instant> due = new ArrayList<>(state.wakeUps());
    if (settings.interruption().awaitReplacement()) {
      state
          .warned()
          .values()
          .forEach(
              w -> due.add(settings.interruption().latestDrainStart(w.warning().nodeGoneAt())));
    }
    if (!claims.isEmpty() || !state.disrupting().isEmpty()) {
      due.add(nextDisruption);
      due.add(nextCollection);
    }
    disruption.validationDue().ifPresent(due::add);
    return due.stream().min(Comparator.naturalOrder());
  }
}
