package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.resource.Resources;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveRequestsTest {
  private static final long MI = 1L << 20;

  @TempDir Path dir;

  private Resources requestsOf(String podSpec) throws ManifestException {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + podSpec.indent(2);
    Manifests m = Fixtures.readText(dir, "pod.yaml", yaml);
    return m.pods().get(0).requests();
  }

  @Test
  void containersRequestsAreSummed() throws Exception {
    Resources r =
        requestsOf(
            """
        containers:
          - {name: a, image: x, resources: {requests: {cpu: 250m, memory: 1Gi}}}
          - {name: b, image: x, resources: {requests: {cpu: "1", memory: 512Mi}}}
        """);

    assertThat(r).isEqualTo(Resources.of(Map.of("cpu", 1250L, "memory", 1536 * MI)));
  }

  @Test
  void largestInitContainerWinsWhenItExceedsTheContainers() throws Exception {
    Resources r =
        requestsOf(
            """
        initContainers:
          - {name: migrate, image: x, resources: {requests: {cpu: "2", memory: 128Mi}}}
          - {name: warm, image: x, resources: {requests: {cpu: 500m, memory: 3Gi}}}
        containers:
          - {name: a, image: x, resources: {requests: {cpu: "1", memory: 1Gi}}}
        """);

    assertThat(r).isEqualTo(Resources.of(Map.of("cpu", 2000L, "memory", 3072 * MI)));
  }

  @Test
  void sidecarsAddToTheSteadySumAndRunBesideLaterInitContainers() throws Exception {
    Resources r =
        requestsOf(
            """
        initContainers:
          - {name: proxy, image: x, restartPolicy: Always,
             resources: {requests: {cpu: 100m, memory: 256Mi}}}
          - {name: setup, image: x, resources: {requests: {cpu: "1", memory: 512Mi}}}
        containers:
          - {name: a, image: x, resources: {requests: {cpu: 500m, memory: 1Gi}}}
        """);

    // init peak: proxy + setup = 1100m / 768Mi; steady: a + proxy = 600m / 1280Mi
    assertThat(r).isEqualTo(Resources.of(Map.of("cpu", 1100L, "memory", 1280 * MI)));
  }

  @Test
  void sidecarStartedAfterAnInitContainerDoesNotRunBesideIt() throws Exception {
    Resources r =
        requestsOf(
            """
        initContainers:
          - {name: setup, image: x, resources: {requests: {cpu: "2"}}}
          - {name: proxy, image: x, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
        containers:
          - {name: a, image: x, resources: {requests: {cpu: 500m}}}
        """);

    assertThat(r).isEqualTo(Resources.of("cpu", 2000));
  }

  @Test
  void podOverheadIsAdded() throws Exception {
    Resources r =
        requestsOf(
            """
        overhead: {cpu: 250m, memory: 120Mi}
        containers:
          - {name: a, image: x, resources: {requests: {cpu: "1", memory: 1Gi}}}
        """);

    assertThat(r).isEqualTo(Resources.of(Map.of("cpu", 1250L, "memory", 1144 * MI)));
  }

  @Test
  void limitsWithoutRequestsBecomeTheRequests() throws Exception {
    Resources r =
        requestsOf(
            """
        containers:
          - name: a
            image: x
            resources:
              requests: {cpu: 100m}
              limits: {cpu: 500m, memory: 2Gi, amd.com/gpu: "1"}
        """);

    assertThat(r)
        .isEqualTo(Resources.of(Map.of("cpu", 100L, "memory", 2048 * MI, "amd.com/gpu", 1L)));
  }

  @Test
  void explicitZeroRequestIsNotReplacedByTheLimit() throws Exception {
    Resources r =
        requestsOf(
            """
        containers:
          - {name: a, image: x, resources: {requests: {cpu: "0"}, limits: {cpu: "2"}}}
        """);

    assertThat(r).isEqualTo(Resources.NONE);
  }

  @Test
  void extendedResourcesAreKept() throws Exception {
    Resources r =
        requestsOf(
            """
        containers:
          - name: a
            image: x
            resources:
              requests: {cpu: "1", aws.amazon.com/neuron: "2", example.com/fpga: "1"}
              limits: {aws.amazon.com/neuron: "2", example.com/fpga: "1"}
        """);

    assertThat(r)
        .isEqualTo(
            Resources.of(
                Map.of("cpu", 1000L, "aws.amazon.com/neuron", 2L, "example.com/fpga", 1L)));
  }

  @Test
  void podLevelRequestsReplaceTheContainersSumForTheirResources() throws Exception {
    Resources r =
        requestsOf(
            """
        resources:
          requests: {cpu: "2"}
        containers:
          - {name: a, image: x, resources: {requests: {cpu: 500m, memory: 1Gi}}}
        """);

    assertThat(r).isEqualTo(Resources.of(Map.of("cpu", 2000L, "memory", 1024 * MI)));
  }

  @Test
  void containerWithoutResourcesRequestsNothing() throws Exception {
    assertThat(requestsOf("containers:\n  - {name: a, image: x}\n")).isEqualTo(Resources.NONE);
  }
}
