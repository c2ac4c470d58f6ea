package io.flotilla.kube.manifest;

import io.flotilla.core.node.Node;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.kube.manifest.bind.Binder;
import io.flotilla.kube.manifest.node.NodeConverter;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.Location;
import io.flotilla.kube.manifest.source.SourceException;
import io.flotilla.kube.manifest.source.SourceFiles;
import io.flotilla.kube.manifest.workload.PodConverter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the multi-document Kubernetes, Karpenter and eksctl YAML (or JSON) users already have into
 * Flotilla's domain model, with the PodDisruptionBudgets and HorizontalPodAutoscalers the simulator
 * needs. Directories are read recursively (*.yaml, *.yml, *.json) in sorted order, documents in
 * order. Kubernetes kinds go through fabric8's model; Karpenter and eksctl kinds through our own
 * records. Nothing is dropped silently: skipped kinds are counted and odd things become warnings;
 * malformed input is a {@link ManifestException} naming file, document, line and field.
 */
public final class ManifestReader {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestReader.class);

  private final ReadOptions options;
  private final InputStream stdin;
  private final Binder binder = new Binder();

  /** A reader whose {@code -} input is the process's standard input. */
  public ManifestReader(ReadOptions options) {
    this(options, System.in);
  }

  /** A reader whose {@code -} input is {@code stdin}. */
  public ManifestReader(ReadOptions options, InputStream stdin) {
    this.options = options == null ? ReadOptions.defaults() : options;
    this.stdin = stdin;
  }

  /**
   * Reads the files and directories ({@code -}: standard input). Empty input is an error: a
   * directory without manifest files, a named file without documents, or input without any pod,
   * workload or node pool. An empty file found in a directory is only a warning.
   */
  public Manifests read(List<Path> filesOrDirs) throws ManifestException {
    try {
      Diagnostics diag = new Diagnostics();
      Inventory inv = new Inventory();
      KindRouter router = new KindRouter(binder, inv, diag);
      SourceFiles sources = new SourceFiles(stdin);
      LOG.debug("reading {}", filesOrDirs);
      for (SourceFiles.Input input : sources.expand(filesOrDirs)) {
        List<Document> documents = sources.documents(input);
        LOG.debug("{}: {} documents", input.path(), documents.size());
        if (documents.stream().allMatch(Document::isEmpty)) {
          emptyFile(input, diag);
        }
        documents.forEach(router::route);
      }
      Manifests manifests = assemble(inv, diag);
      requireSomethingToPlan(inv, diag);
      return manifests;
    } catch (SourceException e) {
      throw new ManifestException(e.location(), e.problem(), e);
    }
  }

  private static void emptyFile(SourceFiles.Input input, Diagnostics diag) {
    Location file = Location.ofFile(input.path());
    if (input.named()) {
      throw new SourceException(file, "no manifest in it (empty, or only comments)", null);
    }
    diag.warn(file.format("no manifest in it (empty, or only comments); skipped"));
  }

  private static void requireSomethingToPlan(Inventory inv, Diagnostics diag) {
    if (!inv.podSources.isEmpty() || !inv.daemonSets.isEmpty() || !inv.poolSources.isEmpty()) {
      return;
    }
    SortedMap<String, Integer> read = new TreeMap<>(diag.skippedKinds());
    addCount(read, "Node", inv.nodes.size());
    addCount(read, "HorizontalPodAutoscaler", inv.hpas.size());
    addCount(read, "PodDisruptionBudget", inv.budgets.size());
    addCount(read, "EC2NodeClass", inv.nodeClasses.size());
    addCount(read, "AWSNodeTemplate", inv.nodeTemplates.size());
    String found =
        read.isEmpty()
            ? "no Kubernetes object at all"
            : "only "
                + read.entrySet().stream()
                    .map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "));
    throw new SourceException(
        Location.ofInput(),
        "nothing to plan: the input has no pod, workload or node pool (found " + found + ")",
        null);
  }

  private static void addCount(SortedMap<String, Integer> counts, String kind, int n) {
    if (n > 0) {
      counts.merge(kind, n, Integer::sum);
    }
  }

  private Manifests assemble(Inventory inv, Diagnostics diag) {
    var pools = new PoolAssembler(diag).pools(inv);
    LastWins<Node> nodes = new LastWins<>(diag);
    inv.nodes.forEach(
        n -> {
          Node node = n.doc().within(() -> NodeConverter.convert(n.value()));
          nodes.put(node.name(), "Node/" + node.name(), n.doc(), node);
        });
    PodAssembler podAssembler = new PodAssembler(options, diag);
    PodConverter converter =
        new PodConverter(options.imageArchitectures(), PodAssembler.namespaces(inv));
    List<Pod> pods = podAssembler.pods(inv, converter);
    List<DaemonSet> daemonSets = podAssembler.daemonSets(inv, converter);
    warnUnknownNodes(pods, nodes.values(), diag);
    LastWins<DisruptionBudget> budgets = new LastWins<>(diag);
    inv.budgets.forEach(
        b -> {
          DisruptionBudget budget = b.value();
          budgets.put(
              budget.namespace() + "/" + budget.name(),
              "PodDisruptionBudget/" + budget.name(),
              b.doc(),
              budget);
        });
    Manifests result =
        new Manifests(
            pods,
            nodes.values(),
            pools,
            daemonSets,
            budgets.values(),
            autoscalers(inv),
            diag.skippedKinds(),
            diag.warnings());
    LOG.debug(
        "read {} pods, {} nodes, {} node pools, {} DaemonSets, {} budgets, {} autoscalers,"
            + " {} warnings",
        pods.size(),
        result.nodes().size(),
        pools.size(),
        daemonSets.size(),
        result.budgets().size(),
        result.autoscalers().size(),
        result.warnings().size());
    return result;
  }

  /**
   * Every HPA's autoscaler, a later definition replacing an earlier one; the replacement was
   * already warned about where the HPAs set replicas.
   */
  private static List<Autoscaler> autoscalers(Inventory inv) {
    Map<String, Autoscaler> latest = new LinkedHashMap<>();
    inv.autoscalers.forEach(
        a -> latest.put(a.value().namespace() + "/" + a.value().name(), a.value()));
    return new ArrayList<>(latest.values());
  }

  private static void warnUnknownNodes(List<Pod> pods, List<Node> nodes, Diagnostics diag) {
    Set<String> names = new HashSet<>();
    nodes.forEach(n -> names.add(n.name()));
    Set<String> warned = new HashSet<>();
    for (Pod pod : pods) {
      if (pod.bound() && !names.contains(pod.nodeName()) && warned.add(pod.nodeName())) {
        diag.warn("pods are bound to node " + pod.nodeName() + ", which is not in the input");
      }
    }
  }
}
