package io.flotilla.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MixGeneratorTest {
  @ParameterizedTest(name = "{0} pods, seed {1}")
  @CsvSource({"1, 1", "1000, 2", "10000, 3"})
  void theStandardMixHasTheRequestedPodsInItsWorkloadsAndRepeatsWithItsSeed(int pods, long seed) {
    MixSpec spec = MixSpec.standard(pods);
    List<GeneratedWorkload> workloads =
        new MixGenerator(new SplittableRandom(seed)).workloads(spec);

    assertThat(workloads).hasSize(spec.effectiveWorkloads());
    assertThat(workloads.stream().mapToInt(GeneratedWorkload::replicas).sum()).isEqualTo(pods);
    assertThat(new MixGenerator(new SplittableRandom(seed)).pods(spec))
        .isEqualTo(GeneratedWorkload.pods(workloads));
  }
}
