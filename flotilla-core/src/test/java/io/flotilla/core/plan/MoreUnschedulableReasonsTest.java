package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.Planning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reasons for the less obvious dead ends: a missing resource, a pool that admits nothing. */
class MoreUnschedulableReasonsTest {

  @Test
  void aResourceNoInstanceTypeOffersIsNamed() {
    var result =
        Planning.request()
            .pool(pool("general", 10))
            .pods(
                app("inference")
                    .requests(
                        Resources.parse(
                            Map.of("cpu", "1", "memory", "1Gi", "aws.amazon.com/neuron", "1")))
                    .replicas(1))
            .plan();

    assertThat(result.reason("inference-0"))
        .contains("pool general")
        .contains("no instance type offers aws.amazon.com/neuron");
  }

  @Test
  void aPoolWhoseRequirementsAdmitNoOfferingSaysSo() {
    var result =
        Planning.request()
            .pool(pool("west", 10).require("topology.kubernetes.io/zone", "us-west-2a"))
            .pods(app("web").requests("1", "1Gi").replicas(1))
            .plan();

    assertThat(result.reason("web-0"))
        .contains("pool west")
        .contains("admit no offering of the catalog")
        .contains("us-east-1a");
  }
}
