package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.Planning;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pod asking for a resource no instance type reports is told which resource is missing. */
class ExtendedResourceReasonTest {

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
}
