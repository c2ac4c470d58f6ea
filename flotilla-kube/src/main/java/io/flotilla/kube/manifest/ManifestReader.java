package io.flotilla.kube.manifest;

import io.flotilla.core.node.Node;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.kube.manifest.bind.Binder;
import io.flotilla.kube.manifest.node.NodeConverter;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.SourceException;
import io.flotilla.kube.manifest.source.SourceFiles;
import io.flotilla.kube.manifest.workload.PodConverter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the multi-document Kubernetes, Karpenter and eksctl YAML (or JSON) users already have into
 * Flotilla's domain model. Directories are read recursively (*.yaml, *.yml, *.json) in sorted
 * order, documents in order. Kubernetes kinds go through fabric8's model; Karpenter and eksctl
 * kinds through our own records. Nothing is dropped silently: skipped kinds are counted and odd
 * things become warnings; malformed input is a {@link ManifestException} naming file, document,
 * line and field.
 */
public final class ManifestReader {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestReader.class);

  private final ReadOptions options;
  private final Binder binder = new Binder();

  public ManifestReader(ReadOptions options) {
    this.options = options == null ? ReadOptions.defaults() : options;
  }

  public Manifests read(List<Path> filesOrDirs) throws ManifestException {
    try {
      Diagnostics diag = new Diagnostics();
      Inventory inv = new Inventory();
      KindRouter router = new KindRouter(binder, inv, diag);
      for (Path file : SourceFiles.expand(filesOrDirs)) {
        List<Document> documents = SourceFiles.documents(file);
        LOG.debug("{}: {} documents", file, documents.size());
        documents.forEach(router::route);
      }
      return assemble(inv, diag);
    } catch (SourceException e) {
      throw new ManifestException(e.location(), e.problem(), e);
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
    Manifests result =
        new Manifests(
            pods, nodes.values(), pools, daemonSets, diag.skippedKinds(), diag.warnings());
    LOG.debug(
        "read {} pods, {} nodes, {} node pools, {} DaemonSets, {} warnings",
        pods.size(),
        result.nodes().size(),
        pools.size(),
        daemonSets.size(),
        result.warnings().size());
    return result;
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
