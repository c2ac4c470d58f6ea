package io.flotilla.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.PriceSource;
import io.flotilla.core.plan.NodeOffering;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.TestCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each new node is priced as the cheapest comparable on-demand x86 type plus its own volumes. */
class OnDemandX86EquivalentTest {
  private static PlannedNode node(String name, String type, String arch, double volumes) {
    NodeOffering offering =
        new NodeOffering(
            type,
            CapacityType.SPOT,
            "us-east-1a",
            arch,
            0.05,
            volumes,
            InterruptionBand.UNDER_5,
            PriceSource.MODELLED);
    return new PlannedNode(
        name, false, "general", offering, List.of(), Map.of(), Resources.NONE, Resources.NONE);
  }

  @Test
  void nodesOfOneTypeShareTheStandInPriceButEachPaysItsOwnVolumes() {
    OnDemandX86Equivalent equivalent = new OnDemandX86Equivalent(TestCatalog.create());
    // m6g.xlarge (4 vCPU, 16 GiB, category m): the cheapest amd64 m type that large is m5.xlarge.
    Plan plan =
        new Plan(
            List.of(
                node("a", "m6g.xlarge", "arm64", 0.01),
                node("b", "m6g.xlarge", "arm64", 0.02),
                node("c", "c6g.large", "arm64", 0.0)),
            List.of(),
            List.of());

    assertThat(equivalent.priceFor(plan.newNodes().get(0))).hasValue(0.192 + 0.01);
    assertThat(equivalent.priceFor(plan.newNodes().get(1))).hasValue(0.192 + 0.02);
    // c6g.large (2 vCPU, 4 GiB, category c): c5.large.
    assertThat(equivalent.costPerHour(plan)).isCloseTo(0.202 + 0.212 + 0.085, within(1e-9));
  }
}
