package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.bench.BenchCase;
import io.flotilla.bench.BenchMix;
import io.flotilla.bench.BenchPools;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.kube.manifest.ManifestReader;
import io.flotilla.kube.manifest.Manifests;
import io.flotilla.kube.manifest.ReadOptions;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The manifests written for the CLI benchmark read back as the generated pods and pools. */
class MixManifestsTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} mix, {1} pools")
  @CsvSource({"DIVERSE, STANDARD", "DIVERSE, WEIGHTED", "STANDARD, STANDARD", "FEW, WEIGHTED"})
  void readingTheWrittenManifestsGivesBackTheGeneratedPodsAndPools(BenchMix mix, BenchPools pools)
      throws Exception {
    BenchCase.Problem problem = new BenchCase(mix, pools, 1500, 4).generate();

    MixManifests.write(dir, problem.workloads(), problem.pools());
    Manifests read = new ManifestReader(ReadOptions.defaults()).read(List.of(dir));

    assertThat(read.warnings()).isEmpty();
    assertThat(sorted(read.pods()).stream().map(MixManifestsTest::scheduling).toList())
        .isEqualTo(sorted(problem.pods()).stream().map(MixManifestsTest::scheduling).toList());
    assertThat(read.nodePools().stream().map(MixManifestsTest::pool).toList())
        .isEqualTo(problem.pools().stream().map(MixManifestsTest::pool).toList());
  }

  private static List<Pod> sorted(List<Pod> pods) {
    return pods.stream().sorted(Comparator.comparing(Pod::id)).toList();
  }

  /** What the planner reads of a pod (unresolved images are the reader's business). */
  private static List<Object> scheduling(Pod p) {
    return List.of(
        p.id(),
        p.labels(),
        p.requests(),
        p.nodeAffinity(),
        p.tolerations(),
        p.topologySpread(),
        p.architectures(),
        p.owner());
  }

  private static List<Object> pool(NodePool p) {
    return List.of(
        p.name(),
        p.weight(),
        p.requirements(),
        p.taints(),
        p.limits(),
        p.nodeClass().name(),
        p.nodeClass().amiFamily());
  }
}
