package io.flotilla.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.source.SourceUris;
import io.flotilla.flink.source.Sources;
import io.flotilla.flink.testing.CommandLines;
import io.flotilla.flink.testing.EndToEnd;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate -> Kafka (in-process KRaft broker) -> the job with a TaskManager kill -> exactly once.
 */
class KafkaEndToEndTest {

  private static final long EVENTS = 20_000;
  private static final long SEED = 21;

  @TempDir Path dir;

  @Test
  void generatedEventsReadFromKafkaAreWrittenExactlyOnceDespiteAKill() throws Exception {
    try (KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(dir.resolve("kafka"))
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .build()) {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      String topic = "tickers";
      createTopic(kafka.bootstrapServers(), topic, 3);
      String uri = "kafka://" + kafka.bootstrapServers() + "/" + topic;

      int exit =
          CommandLines.run(
              "generate",
              "--to",
              uri,
              "--events",
              "" + EVENTS,
              "--rate",
              "0",
              "--seed",
              "" + SEED,
              "--no-progress");
      assertThat(exit).isZero();

      Outputs outputs = new Outputs(dir.resolve("out").toUri().toString());
      int kills =
          EndToEnd.runWithKills(
              Sources.create(SourceUris.parse(uri + "?bounded=true"), null, 0, 0),
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

  private static void createTopic(String servers, String topic, int partitions) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }
}
