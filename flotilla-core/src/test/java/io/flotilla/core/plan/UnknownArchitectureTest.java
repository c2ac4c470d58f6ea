package io.flotilla.core.plan;

import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.Build;
import io.flotilla.core.testing.Planning;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pods whose images' architectures are unknown: warned about on arm64, or kept on amd64. */
class UnknownArchitectureTest {
  @Test
  void podsOfUnknownArchitectureOnArm64AreNamedInAWarning() {
    PlanRequest request = request();

    Plan plan = new Planner().plan(request);

    assertThat(plan.newNodes()).allMatch(n -> n.arch().equals("arm64"));
    assertThat(plan.warnings())
        .singleElement()
        .asString()
        .contains("3 pod(s) of default/Deployment/web")
        .contains("repo/web:1.0")
        .contains("--unknown-image-arch amd64");
  }

  @Test
  void theCautiousPolicyKeepsThemOnAmd64WithoutAWarning() {
    PlanRequest request =
        request()
            .withOptions(
                PlanOptions.DEFAULTS.withUnknownArchitecture(
                    PlanOptions.UnknownArchitecture.AMD64));

    Plan plan = Planning.checked(request, new Planner().plan(request));

    assertThat(plan.newNodes()).isNotEmpty().allMatch(n -> n.arch().equals("amd64"));
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void podsWithKnownArchitecturesGetNoWarning() {
    PlanRequest request =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                Build.replicas(
                    "web", 3, Build.res("1", "2Gi"), NodeAffinity.NONE, List.of(), Set.of("arm64")))
            .build();

    assertThat(new Planner().plan(request).warnings()).isEmpty();
  }

  /** Three pods whose image nobody resolved; arm64 is cheapest in the test catalog. */
  private static PlanRequest request() {
    List<Pod> pods =
        Build.replicas("web", 3, Build.res("1", "2Gi")).stream()
            .map(
                p ->
                    new Pod(
                        p.id(),
                        p.labels(),
                        p.requests(),
                        p.nodeAffinity(),
                        p.tolerations(),
                        p.topologySpread(),
                        p.antiAffinity(),
                        p.affinity(),
                        Set.of(),
                        p.hostPorts(),
                        p.owner(),
                        null,
                        Set.of("repo/web:1.0")))
            .toList();
    return Planning.request().pool(pool("general", 10)).pods(pods).build();
  }
}
