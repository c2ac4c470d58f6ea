package io.flotilla.flink.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.source.SourceUris;
import io.flotilla.flink.source.Sources;
import io.flotilla.flink.testing.CommandLines;
import io.flotilla.flink.testing.EndToEnd;
import io.flotilla.flink.testing.Kinesalite;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * generate -> Kinesis (kinesalite, 3 shards) -> the job with a TaskManager kill -> exactly once.
 */
class KinesisEndToEndTest {

  @RegisterExtension static final Kinesalite KINESIS = new Kinesalite();

  private static final long EVENTS = 20_000;
  private static final long SEED = 33;

  @TempDir Path dir;

  @Test
  void generatedEventsReadFromThreeShardsAreWrittenExactlyOnceDespiteAKill() throws Exception {
    String uri = "kinesis://tickers?endpoint=" + KINESIS.endpoint() + "&region=us-east-1";

    int exit =
        CommandLines.run(
            "generate",
            "--to",
            uri,
            "--create-shards",
            "3",
            "--events",
            "" + EVENTS,
            "--rate",
            "0",
            "--seed",
            "" + SEED,
            "--no-progress");
    assertThat(exit).isZero();
    try (KinesisClient kinesis = KinesisClients.create("us-east-1", KINESIS.endpoint())) {
      assertThat(ShardDiscovery.shardIds(kinesis, "tickers")).hasSize(3);
    }

    Outputs outputs = new Outputs(dir.resolve("out").toUri().toString());
    int kills =
        EndToEnd.runWithKills(
            Sources.create(SourceUris.parse(uri + "&bounded=true"), null, 0, 0),
            outputs,
            dir,
            new Configuration(),
            Optional.empty(),
            1_500,
            EVENTS,
            0.4);

    assertThat(kills).isEqualTo(1);
    EndToEnd.assertResults(outputs, EndToEnd.generated(GeneratorSettings.withSeed(SEED), EVENTS));
  }
}
