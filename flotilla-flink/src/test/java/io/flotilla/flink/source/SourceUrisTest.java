package io.flotilla.flink.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceUrisTest {

  @Test
  void readsTheGenerator() {
    assertThat(SourceUris.parse("generator")).isInstanceOf(SourceSpec.Generator.class);
  }

  @Test
  void readsAKafkaTopicWithSeveralBrokersAndParameters() {
    assertThat(SourceUris.parse("kafka://b1:9092,b2:9092/tickers?group=g1&bounded=true"))
        .isEqualTo(new SourceSpec.Kafka("b1:9092,b2:9092", "tickers", "g1", true));
    assertThat(SourceUris.parse("kafka://localhost:9092/t"))
        .isEqualTo(new SourceSpec.Kafka("localhost:9092", "t", "flotilla-t", false));
  }

  @Test
  void readsAKinesisStreamWithAnEndpointOverride() {
    assertThat(
            SourceUris.parse(
                "kinesis://tickers?endpoint=http://127.0.0.1:4567&region=eu-west-1&bounded"))
        .isEqualTo(
            new SourceSpec.Kinesis(
                "tickers", "eu-west-1", Optional.of("http://127.0.0.1:4567"), true, false));
    assertThat(SourceUris.parse("kinesis://s?start=latest"))
        .isEqualTo(new SourceSpec.Kinesis("s", "us-east-1", Optional.empty(), false, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file:///tmp/x|unknown source scheme",
        "kafka:///topic|has no HOST:PORT",
        "kafka://host:9092/|must name one topic",
        "kafka://host:9092/t?bounded=maybe|must be true or false, was 'maybe'",
        "kafka://host:9092/t?colour=red|unknown parameter 'colour'",
        "kinesis://s?start=yesterday|kinesis start must be trim_horizon or latest",
        "kinesis:// |not a valid URI",
      })
  void explainsWhatIsWrongWithABadUri(String uri, String message) {
    assertThatThrownBy(() -> SourceUris.parse(uri))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
