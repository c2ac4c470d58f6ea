package io.flotilla.sim.world;

import io.flotilla.control.manager.ControlPlane;
import io.flotilla.control.manager.ControlPorts;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.plan.Planner;
import io.flotilla.ports.checkpoint.CheckpointBeforeDrain;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.cloud.CloudListener;
import io.flotilla.sim.cloud.SimulatedCloud;
import io.flotilla.sim.cluster.SimulatedCluster;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.metrics.Recorder;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.scheduler.KubeScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One run of the world: the shipped {@link ControlPlane} against the simulated cloud and cluster on
 * a virtual clock. After every instant at which something happened, the scheduler binds what it
 * can, the control plane takes a pass, and the scheduler binds again; the control plane's next
 * wake-up is queued like any other event. Same world, run and seed: the same result.
 */
public final class Simulation {
  /** Virtual time starts here (a Monday), so schedules in budgets mean the same on every run. */
  public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  private final World world;
  private final Run run;
  private final EventQueue queue = new EventQueue(START);
  private final Recorder recorder = new Recorder();
  private final KubeScheduler scheduler = new KubeScheduler();
  private final SimulatedCloud cloud;
  private final SimulatedCluster cluster;
  private final ControlPlane control;
  private Instant wakeQueued;

  public Simulation(World world, Run run) {
    this.world = world;
    this.run = run;
    SplittableRandom random = new SplittableRandom(run.seed());
    this.cloud = new SimulatedCloud(world.config().catalog(), run.cloud(), queue, random);
    this.cluster =
        new SimulatedCluster(
            queue, run.podGracePeriod(), world.daemonSets(), world.budgets(), recorder);
    this.control =
        new ControlPlane(
            new Planner(run.strategy()),
            world.config(),
            run.control(),
            new ControlPorts(cloud, cluster, NO_JOBS));
    cloud.listen(new Wiring());
  }

  /** No stateful job runs in this world yet: nothing to checkpoint, at once. */
  private static final CheckpointBeforeDrain NO_JOBS =
      (warning, bound) -> new CheckpointReport(warning, List.of(), Duration.ZERO);

  public Summary run() {
    world.workloads().forEach(cluster::apply);
    for (Fault f : run.faults()) {
      queue.at(START.plus(f.at()), () -> inject(f));
    }
    Instant end = START.plus(run.duration());
    settle();
    while (queue.runNext(end)) {
      settle();
    }
    return recorder.summary(cloud.usage(), cloud.interrupted(), end);
  }

  /** The cloud as the run left it, for tests. */
  public SimulatedCloud cloud() {
    return cloud;
  }

  /** The cluster as the run left it, for tests. */
  public SimulatedCluster cluster() {
    return cluster;
  }

  private void settle() {
    bind();
    Optional<Instant> wake = control.reconcile(queue.now());
    bind();
    wake.filter(w -> w.isAfter(queue.now()))
        .filter(
            w -> wakeQueued == null || !wakeQueued.isAfter(queue.now()) || w.isBefore(wakeQueued))
        .ifPresent(
            w -> {
              wakeQueued = w;
              queue.at(w, () -> {});
            });
  }

  private void bind() {
    for (KubeScheduler.Binding b :
        scheduler.schedule(cluster.pods(), cluster.nodes(), cluster.terminating())) {
      cluster.bind(b.pod(), b.node());
    }
  }

  private void inject(Fault fault) {
    List<String> victims = new ArrayList<>();
    for (NodeClaim claim : cluster.nodeClaims()) {
      if (victims.size() < fault.nodes()
          && claim.pool().equals(fault.pool())
          && claim.offering().capacityType() == CapacityType.SPOT) {
        victims.add(claim.instanceId());
      }
    }
    cloud.interrupt(victims, fault.notice());
  }

  /** The cloud's events, delivered where a real cluster and controller would get them. */
  private final class Wiring implements CloudListener {
    @Override
    public void ready(CloudInstance instance) {
      NodeClaim claim = cluster.nodeClaim(instance.nodeClaim());
      if (claim != null) {
        cluster.register(claim.name(), world.config().taintsOf(claim.pool()));
      }
    }

    @Override
    public void warning(InterruptionWarning warning) {
      control.warn(warning);
    }

    @Override
    public void terminated(CloudInstance instance, boolean reclaimed) {
      // A reclaimed instance takes its node and pods with it; a terminated one was deleted first.
      cluster.deleteNode(instance.nodeClaim());
    }
  }
}
