package io.flotilla.cli.simulate;

import io.flotilla.control.interruption.InterruptionSettings;
import io.flotilla.control.manager.ClusterConfig;
import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.core.plan.Planner;
import io.flotilla.kube.manifest.ManifestException;
import io.flotilla.kube.manifest.ManifestReader;
import io.flotilla.kube.manifest.Manifests;
import io.flotilla.kube.manifest.ReadOptions;
import io.flotilla.sim.cloud.CloudSettings;
import io.flotilla.sim.world.ExistingNode;
import io.flotilla.sim.world.Fault;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.ScaleStep;
import io.flotilla.sim.world.World;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds what one strategy simulates from a scenario: the same workloads for every strategy, the
 * pools and the planner and control settings that make the strategy.
 */
final class WorldAssembly {
  private final Catalog catalog;
  private final PlanOptions options;
  private final SpotAllocation karpenterSpot;

  /** Karpenter's Spot launches as Karpenter makes them: EC2 Fleet's price-capacity-optimized. */
  WorldAssembly(Catalog catalog, PlanOptions options) {
    this(catalog, options, SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
  }

  WorldAssembly(Catalog catalog, PlanOptions options, SpotAllocation karpenterSpot) {
    this.catalog = catalog;
    this.options = options;
    this.karpenterSpot = karpenterSpot;
  }

  /**
   * The scenario's manifests and node groups, read once for every strategy, the dump's nodes that
   * are simulated and notes on those that are not.
   */
  record Inputs(
      Scenario scenario,
      Manifests manifests,
      List<NodePool> nodeGroups,
      List<ExistingNode> existingNodes,
      List<String> notes) {}

  Inputs read(Scenario scenario) {
    Manifests manifests = read(scenario.manifests());
    List<NodePool> groups =
        scenario.nodeGroups().isEmpty()
            ? manifests.nodePools().stream()
                .filter(p -> p.api() == NodePool.Api.NODE_GROUP)
                .toList()
            : StrategyPools.nodeGroups(
                read(scenario.nodeGroups()).nodePools().stream()
                    .filter(p -> p.api() == NodePool.Api.NODE_GROUP)
                    .toList(),
                FirstInstanceTypes.of(scenario.nodeGroups()));
    checkReferences(scenario, manifests);
    DumpNodes.Found existing = DumpNodes.of(manifests.nodes(), catalog);
    return new Inputs(scenario, manifests, groups, existing.nodes(), existing.notes());
  }

  /** Every workload the scenario names must be in the manifests. */
  private static void checkReferences(Scenario scenario, Manifests manifests) {
    Set<String> owners = new TreeSet<>();
    manifests.pods().forEach(p -> owners.add(p.owner()));
    for (Scenario.OwnerRef ref : scenario.references()) {
      if (!owners.contains(ref.owner())) {
        throw new ScenarioException(
            ref.where()
                + "no workload "
                + ref.owner()
                + " in the manifests (they have: "
                + String.join(", ", owners)
                + ")");
      }
    }
  }

  private static Manifests read(List<Path> files) {
    try {
      return new ManifestReader(ReadOptions.defaults(), InputStream.nullInputStream()).read(files);
    } catch (ManifestException e) {
      throw new ScenarioException(e.getMessage(), e);
    }
  }

  World world(StrategyName strategy, Inputs in) {
    Manifests m = in.manifests();
    WorkloadModels models = in.scenario().models();
    List<NodePool> pools = pools(strategy, in);
    List<ExistingNode> existing = DumpNodes.forPools(in.existingNodes(), pools);
    return new World(
            new ClusterConfig(pools, catalog, options(strategy)),
            ManifestWorkloads.of(m.pods(), models),
            m.daemonSets(),
            m.budgets())
        .withAutoscalers(m.autoscalers())
        .withFlinkJobs(models.flink().stream().toList())
        .withExistingNodes(existing, DumpNodes.running(m.pods(), existing));
  }

  /**
   * The planning options a strategy plans with: karpenter-like launches Spot with its own
   * allocation strategy; the others with the cheapest offering (the optimised planner picks its
   * offerings itself).
   */
  private PlanOptions options(StrategyName strategy) {
    return strategy == StrategyName.KARPENTER_LIKE
        ? options.withSpotAllocation(karpenterSpot)
        : options;
  }

  private List<NodePool> pools(StrategyName strategy, Inputs in) {
    List<NodePool> own = in.manifests().nodePools();
    if (strategy == StrategyName.CLUSTER_AUTOSCALER) {
      if (in.nodeGroups().isEmpty()) {
        throw new ScenarioException(
            in.scenario().file()
                + ": nodeGroups: the cluster-autoscaler strategy needs eksctl node groups (a"
                + " ClusterConfig file) in nodeGroups or among the manifests");
      }
      return in.nodeGroups();
    }
    if (strategy == StrategyName.ON_DEMAND_X86) {
      return StrategyPools.onDemandX86(own);
    }
    return own;
  }

  Run run(StrategyName strategy, Scenario s, long seed, boolean checkpointOnWarning) {
    return new Run(
        s.duration(),
        seed,
        strategy == StrategyName.FLOTILLA
            ? Planner.Strategy.OPTIMIZED
            : Planner.Strategy.FIRST_FIT_DECREASING,
        control(strategy, checkpointOnWarning),
        cloud(s.cloud()),
        s.podGracePeriod(),
        s.faults().stream().map(f -> new Fault(f.at(), f.pool(), f.nodes(), f.notice())).toList(),
        s.sampleEvery(),
        s.scaleSteps().stream()
            .map(step -> new ScaleStep(step.at(), step.workload(), step.replicas()))
            .toList(),
        s.warmUp());
  }

  private static ControlSettings control(StrategyName strategy, boolean checkpointOnWarning) {
    if (strategy == StrategyName.CLUSTER_AUTOSCALER) {
      return ControlSettings.CLUSTER_AUTOSCALER;
    }
    if (strategy != StrategyName.FLOTILLA) {
      return ControlSettings.KARPENTER;
    }
    InterruptionSettings i = ControlSettings.FLOTILLA.interruption();
    return ControlSettings.FLOTILLA.withInterruption(
        new InterruptionSettings(
            checkpointOnWarning,
            i.actOnRebalance(),
            i.drainReserve(),
            i.taskManagers(),
            i.awaitReplacement()));
  }

  private static CloudSettings cloud(Scenario.CloudSpec c) {
    CloudSettings d = CloudSettings.DEFAULT;
    return new CloudSettings(
        c.launchesPerSecond() == null ? d.launchesPerSecond() : c.launchesPerSecond(),
        c.launchBurst() == null ? d.launchBurst() : c.launchBurst(),
        c.readyMin() == null ? d.readyMin() : c.readyMin(),
        c.readyMax() == null ? d.readyMax() : c.readyMax(),
        c.spotCapacityPerPool() == null ? d.spotCapacityPerPool() : c.spotCapacityPerPool(),
        c.interruptionScale() == null ? d.interruptionScale() : c.interruptionScale(),
        d.notice(),
        c.rebalanceLead() == null ? d.rebalanceLead() : c.rebalanceLead());
  }
}
