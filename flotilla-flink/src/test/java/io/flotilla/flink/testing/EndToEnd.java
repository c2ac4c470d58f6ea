package io.flotilla.flink.testing;

import io.flotilla.flink.cluster.EmbeddedFlink;
import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.TickerEventGenerator;
import io.flotilla.flink.job.EventTimeStrategy;
import io.flotilla.flink.job.FlotillaPipeline;
import io.flotilla.flink.job.PipelineSettings;
import io.flotilla.flink.sink.Outputs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the pipeline on a two-TaskManager cluster from a given source, kills a TaskManager
 * mid-stream (and starts a replacement), waits for the end and checks the outputs against the
 * generated events.
 */
public final class EndToEnd {

  private EndToEnd() {}

  /**
   * @param configuration extra Flink settings (e.g. for an S3 endpoint)
   * @return the number of TaskManagers killed
   */
  public static int runWithKills(
      Source<ParsedRecord, ?, ?> source,
      Outputs outputs,
      Path work,
      Configuration configuration,
      Optional<Path> plugins,
      double ratePerSubtask,
      long events,
      double... killFractions)
      throws Exception {
    PipelineSettings settings = TestFlink.settings(work.resolve("cp"), Duration.ofSeconds(1));
    Configuration config = TestFlink.configuration(settings);
    config.addAll(configuration);
    WrittenOutputs written = new WrittenOutputs(outputs);
    try (EmbeddedFlink flink = TestFlink.start(config, plugins)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
      env.setParallelism(settings.parallelism());
      DataStream<ParsedRecord> input =
          env.fromSource(
                  source,
                  EventTimeStrategy.of(settings.maxOutOfOrderness(), settings.idleness()),
                  "source")
              .map(new Throttle(ratePerSubtask))
              .name("throttle");
      FlotillaPipeline.build(input, outputs, settings);
      JobID job = flink.submit(env, "end-to-end");
      int kills = Interruptions.killAt(flink, job, written::rawCount, events, killFractions);
      flink.await(job, Duration.ofMinutes(3));
      return kills;
    }
  }

  public static List<TickerEvent> generated(GeneratorSettings settings, long events) {
    TickerEventGenerator generator = new TickerEventGenerator(settings);
    return LongStream.range(0, events).mapToObj(generator::eventAt).toList();
  }

  public static void assertResults(Outputs outputs, List<TickerEvent> events) throws Exception {
    WrittenOutputs written = new WrittenOutputs(outputs);
    ResultAssertions.assertExactlyOnce(written, events);
    ResultAssertions.assertWindowsMatch(
        written, events, io.flotilla.flink.window.WindowSpec.REFERENCE);
  }
}
