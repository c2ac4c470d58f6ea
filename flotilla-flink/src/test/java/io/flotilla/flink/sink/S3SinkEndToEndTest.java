package io.flotilla.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.GeneratorSource;
import io.flotilla.flink.testing.EndToEnd;
import io.flotilla.flink.testing.InProcessS3;
import io.flotilla.flink.testing.TestFlink;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job writing to s3:// (Flink's S3 plugin, loaded as a plugin) against s3proxy, with a kill.
 */
class S3SinkEndToEndTest {

  @RegisterExtension static final InProcessS3 S3 = new InProcessS3();

  private static final long EVENTS = 12_000;

  @TempDir Path dir;

  @Test
  void writesEveryEventOnceToS3DespiteATaskManagerKill() throws Exception {
    S3.createBucket("flotilla");
    GeneratorSettings generator = GeneratorSettings.withSeed(17);
    Outputs outputs = new Outputs("s3://flotilla/run-1");

    int kills =
        EndToEnd.runWithKills(
            GeneratorSource.of(generator, EVENTS, 0),
            outputs,
            dir,
            S3.flinkConfiguration(),
            TestFlink.pluginsDir(),
            800,
            EVENTS,
            0.3);

    assertThat(kills).isEqualTo(1);
    EndToEnd.assertResults(outputs, EndToEnd.generated(generator, EVENTS));
    assertThat(CommittedLines.count(outputs.windowMax())).isPositive();
  }
}
