package io.flotilla.control.manager;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.control.disruption.EmptinessAndExpiry;
import io.flotilla.control.disruption.FleetNode;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.drain.Drainer;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The control loops run together, as Karpenter's controller manager runs them: on each pass it
 * reads the cluster through its port, lets the interruption handler, the drains, voluntary
 * disruption and provisioning decide, and has the {@link Executor} carry out their commands. A pass
 * returns when it next wants to run if nothing else happens (a batch closing, a retry falling due,
 * a node going away); whoever drives it (the simulator's event loop, or a real controller's timer
 * and watches) also calls it when the cluster changes.
 */
public final class ControlPlane {
  private final ClusterConfig config;
  private final ControlSettings settings;
  private final ControlPorts ports;
  private final Provisioner provisioner;
  private final Launcher launcher;
  private final InterruptionHandler interruptions;
  private final EmptinessAndExpiry disruption = new EmptinessAndExpiry();
  private final Drainer drainer = new Drainer();
  private final Executor executor;

  private final ControlState state = new ControlState();
  private Optional<BatchWindow.Open> batch = Optional.empty();
  private Instant nextDisruption = Instant.MIN;

  public ControlPlane(
      Planner planner, ClusterConfig config, ControlSettings settings, ControlPorts ports) {
    this.config = config;
    this.settings = settings;
    this.ports = ports;
    UnavailableOfferings unavailable = new UnavailableOfferings();
    this.provisioner = new Provisioner(planner, unavailable);
    this.launcher = new Launcher(ports.cloud(), unavailable, settings.backoff());
    this.interruptions = new InterruptionHandler(settings.interruption());
    this.executor = new Executor(ports, state);
  }

  /** A warning from the cloud's event source (for AWS, the EventBridge rules' SQS queue). */
  public void warn(InterruptionWarning warning) {
    state.warn(warning);
  }

  /**
   * One pass of every loop at {@code now}; returns when the next pass is due if nothing happens.
   */
  public Optional<Instant> reconcile(Instant now) {
    List<Pod> pods = ports.cluster().pods();
    Map<PodId, Pod> byId = new LinkedHashMap<>();
    pods.forEach(p -> byId.put(p.id(), p));
    List<Node> nodes = ports.cluster().nodes();
    List<NodeClaim> claims = ports.cluster().nodeClaims();
    state.observe(nodes, claims, byId, now);

    ClusterPods view =
        new ClusterPods(pods, ports.cluster().terminating(), ports.cluster().disruptionBudgets());
    List<Command> commands = new ArrayList<>();
    state.warned().forEach((node, w) -> commands.addAll(interruptions.decide(w.at(view), now)));
    state
        .disrupting()
        .forEach(
            (node, reason) -> {
              if (!state.warned().containsKey(node)) {
                commands.addAll(drainer.next(node, view, reason));
              }
            });
    if (!now.isBefore(nextDisruption)) {
      Set<String> joined = nodes.stream().map(Node::name).collect(Collectors.toSet());
      commands.addAll(disruption.decide(fleet(claims, joined, view, now), config.pools(), now));
      nextDisruption = now.plus(settings.disruptionInterval());
    }
    executor.execute(commands, now);

    retryLaunches(now);
    provision(now);
    return nextWakeUp(claims);
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
      state.replanSoon();
    }
  }

  /**
   * The cluster as the planner sees it: bound pods where they are, nominated pods on their target,
   * pods of a node going away pending (so their replacement capacity is planned at once), pods
   * being evicted left out; ready nodes plus the NodeClaims still in flight as nodes with the
   * labels and room they will have.
   */
  private PlanRequest request(List<Pod> pods, Set<PodId> terminating, Set<PodId> replacing) {
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
    }
    List<Node> nodes = new ArrayList<>(ports.cluster().nodes());
    Set<String> joined = nodes.stream().map(Node::name).collect(Collectors.toSet());
    for (NodeClaim claim : ports.cluster().nodeClaims()) {
      if (!joined.contains(claim.name())) {
        nodes.add(claim.asNode(config.taintsOf(claim.pool())));
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

  /** The claims whose nodes have joined, as voluntary disruption looks at them. */
  private List<FleetNode> fleet(
      List<NodeClaim> claims, Set<String> joined, ClusterPods view, Instant now) {
    List<FleetNode> fleet = new ArrayList<>();
    for (NodeClaim claim : claims) {
      if (!joined.contains(claim.name())) {
        continue;
      }
      boolean empty =
          view.evictableOn(claim.name()).isEmpty() && !state.nominations().targets(claim.name());
      fleet.add(
          new FleetNode(
              claim.name(),
              claim.pool(),
              claim.createdAt(),
              state.emptySince(claim.name(), empty, now),
              false,
              state.disrupting().containsKey(claim.name())
                  || state.warned().containsKey(claim.name())));
    }
    return fleet;
  }

  private Optional<Instant> nextWakeUp(List<NodeClaim> claims) {
    List<Instant> due = new ArrayList<>(state.wakeUps());
    if (!claims.isEmpty() || !state.disrupting().isEmpty()) {
      due.add(nextDisruption);
    }
    return due.stream().min(Comparator.naturalOrder());
  }
}
