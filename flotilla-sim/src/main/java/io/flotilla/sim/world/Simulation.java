package io.flotilla.sim.world;

import io.flotilla.control.manager.ControlPlane;
import io.flotilla.control.manager.ControlPorts;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.plan.Planner;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.autoscaling.Autoscaling;
import io.flotilla.sim.autoscaling.CpuUsage;
import io.flotilla.sim.cloud.CloudListener;
import io.flotilla.sim.cloud.SimulatedCloud;
import io.flotilla.sim.cluster.ClusterListener;
import io.flotilla.sim.cluster.SimulatedCluster;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.event.EventQueue;
import io.flotilla.sim.flink.FlinkCheckpoints;
import io.flotilla.sim.flink.FlinkJob;
import io.flotilla.sim.metrics.DecisionMarkers;
import io.flotilla.sim.metrics.FlinkFigures;
import io.flotilla.sim.metrics.Recorder;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.metrics.Timeline;
import io.flotilla.sim.scheduler.KubeScheduler;
import io.flotilla.sim.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

/**
 * One run of the world: the shipped {@link ControlPlane} against the simulated cloud and cluster on
 * a virtual clock, with the HPA controller, the Flink jobs and the timeline's sampler beside them.
 * After every instant at which something happened, the scheduler binds what it can if the cluster
 * changed, the control plane takes a pass if the cluster changed, a warning came or the wake-up it
 * asked for is due, and the scheduler binds again; instants at which only a model ticked (a
 * checkpoint, a sample, an HPA that left its target alone) cost neither. Same world, run and seed:
 * the same result.
 *
 * <p>{@link #run()} returns the {@link Summary}; {@link #timeline()} then has the samples and
 * markers.
 */
public final class Simulation {
  /** Virtual time starts here (a Monday), so schedules in budgets mean the same on every run. */
  public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  /** Control passes run back to back at one instant when each asks for the next one now. */
  private static final int MAX_PASSES_PER_INSTANT = 3;

  private final World world;
  private final Run run;
  private final EventQueue queue = new EventQueue(START);
  private final Recorder recorder = new Recorder(START);
  private final KubeScheduler scheduler = new KubeScheduler();
  private final SimulatedCloud cloud;
  private final SimulatedCluster cluster;
  private final ControlPlane control;
  private final List<FlinkJob> flinkJobs;
  private final Autoscaling autoscaling;
  private final TreeSet<Instant> wakesQueued = new TreeSet<>();
  private long scheduledAt = -1;
  private long reconciledAt = -1;
  private boolean warningSincePass;
  private Instant controlDue;

  public Simulation(World world, Run run) {
    this.world = world;
    this.run = run;
    // One random stream per component, split in a fixed order; a new component splits after these
    // so the others draw what they drew before.
    SplittableRandom root = new SplittableRandom(run.seed());
    SplittableRandom cloudRandom = root.split();
    SplittableRandom flinkRandom = root.split();
    this.cloud = new SimulatedCloud(world.config().catalog(), run.cloud(), queue, cloudRandom);
    this.flinkJobs =
        world.flinkJobs().stream().map(s -> new FlinkJob(s, queue, flinkRandom.split())).toList();
    List<ClusterListener> listeners = new ArrayList<>();
    listeners.add(recorder);
    listeners.addAll(flinkJobs);
    this.cluster =
        new SimulatedCluster(
            queue,
            run.podGracePeriod(),
            world.daemonSets(),
            world.budgets(),
            ClusterListener.all(listeners));
    this.control =
        new ControlPlane(
            new Planner(run.strategy()),
            world.config(),
            run.control(),
            new ControlPorts(cloud, cluster, new FlinkCheckpoints(flinkJobs)));
    this.autoscaling = new Autoscaling(world.autoscalers(), usage(), cluster, queue);
    cloud.listen(new Wiring());
  }

  /** Runs the world for the run's duration and sums it up. */
  public Summary run() {
    return run(done -> {});
  }

  /**
   * Runs the world for the run's duration and sums it up, telling {@code progress} after each event
   * how much of the run's virtual time has passed (0..1).
   */
  public Summary run(DoubleConsumer progress) {
    StartingCluster.start(world, cloud, cluster, START);
    for (Fault f : run.faults()) {
      queue.at(START.plus(f.at()), () -> inject(f));
    }
    for (ScaleStep step : run.scaleSteps()) {
      queue.at(START.plus(step.at()), () -> scale(step));
    }
    Instant end = START.plus(run.duration());
    if (!run.warmUp().isZero()) {
      queue.at(START.plus(run.warmUp()), this::startMeasuring);
    }
    autoscaling.start();
    new Sampler(queue, recorder, cloud, cluster, flinkJobs, run.sampleEvery(), end).start();
    settle();
    double total = run.duration().toMillis();
    while (queue.runNext(end)) {
      settle();
      progress.accept(Duration.between(START, queue.now()).toMillis() / total);
    }
    FlinkFigures flink = FlinkFigures.NONE;
    for (FlinkJob job : flinkJobs) {
      flink = flink.plus(job.figures());
    }
    return recorder.summary(cloud.usage(), cloud.interrupted(), end, flink);
  }

  /** The warm-up is over: figures count from now on. */
  private void startMeasuring() {
    recorder.startMeasuring(queue.now(), cluster.nodes().size(), cloud.interrupted());
    flinkJobs.forEach(FlinkJob::startMeasuring);
  }

  /** The run's samples and markers (complete once {@link #run()} has returned). */
  public Timeline timeline() {
    return recorder.timeline();
  }

  /** The cloud as the run left it, for tests. */
  public SimulatedCloud cloud() {
    return cloud;
  }

  /** The cluster as the run left it, for tests. */
  public SimulatedCluster cluster() {
    return cluster;
  }

  /** The Flink jobs as the run left them, for tests. */
  public List<FlinkJob> flinkJobs() {
    return flinkJobs;
  }

  /** The CPU each workload's running pods use: its load curve, or its Flink job's TaskManagers. */
  private Map<String, CpuUsage> usage() {
    Map<String, CpuUsage> usage = new LinkedHashMap<>();
    for (Workload w : world.workloads()) {
      if (w.cpuLoad().isPresent()) {
        Traffic load = w.cpuLoad().get();
        usage.put(
            Autoscaling.ownerKey(w.namespace(), w.owner()), now -> load.at(recorder.seconds(now)));
      }
    }
    for (FlinkJob job : flinkJobs) {
      usage.put(
          Autoscaling.ownerKey(job.spec().namespace(), job.spec().taskManagers()),
          job::taskManagerCores);
    }
    return usage;
  }

  private void settle() {
    Instant now = queue.now();
    wakesQueued.headSet(now, true).clear();
    bindIfChanged();
    boolean due = controlDue != null && !now.isBefore(controlDue);
    if (!due && !warningSincePass && cluster.version() == reconciledAt) {
      return;
    }
    // A pass that wants the next one now (a checkpoint that held nothing) gets it at once, a few
    // times at most.
    for (int pass = 0; pass < MAX_PASSES_PER_INSTANT; pass++) {
      warningSincePass = false;
      // What the pass itself changes is looked at again on the next pass.
      reconciledAt = cluster.version();
      Optional<Instant> wake = control.reconcile(now);
      DecisionMarkers.mark(recorder, control.lastDecisions(), now);
      bindIfChanged();
      controlDue = wake.orElse(null);
      if (wake.isEmpty() || wake.get().isAfter(now)) {
        break;
      }
    }
    if (controlDue != null && controlDue.isAfter(now) && wakesQueued.add(controlDue)) {
      queue.at(controlDue, () -> {});
    }
  }

  /**
   * The scheduler only has something new to do when pods, nodes or claims changed, and only when
   * some pod is pending.
   */
  private void bindIfChanged() {
    if (cluster.version() == scheduledAt || cluster.pendingPods() == 0) {
      scheduledAt = cluster.version();
      return;
    }
    for (KubeScheduler.Binding b :
        scheduler.schedule(cluster.pods(), cluster.nodes(), cluster.terminating())) {
      cluster.bind(b.pod(), b.node());
    }
    scheduledAt = cluster.version();
  }

  private void scale(ScaleStep step) {
    Workload target =
        cluster.workloads().stream()
            .filter(w -> w.owner().equals(step.owner()))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException("no workload " + step.owner() + " to scale"));
    cluster.scale(target.namespace(), target.name(), step.replicas());
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
    recorder.mark(
        queue.now(),
        "fault",
        fault.pool() + ": " + victims.size() + " of " + fault.nodes() + " nodes interrupted");
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
      if (warning.kind() == InterruptionKind.SPOT_INTERRUPTION) {
        recorder.mark(queue.now(), "interruption", warning.nodeName());
      }
      warningSincePass = true;
      control.warn(warning);
    }

    @Override
    public void terminated(CloudInstance instance, boolean reclaimed) {
      // A reclaimed instance takes its node and pods with it; a terminated one was deleted first.
      cluster.deleteNode(instance.nodeClaim());
    }
  }
}
