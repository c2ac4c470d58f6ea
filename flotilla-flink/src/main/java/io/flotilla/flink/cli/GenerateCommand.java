package io.flotilla.flink.cli;

import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.event.TickerEventJson;
import io.flotilla.flink.generator.EventWriter;
import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.generator.Pacer;
import io.flotilla.flink.generator.StreamTargets;
import io.flotilla.flink.generator.TickerEventGenerator;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The Kinesis Data Generator's role: seeded reference events into a stream at a rate. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Write seeded ticker events into a Kafka topic or Kinesis stream.")
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--to",
      required = true,
      description = "kafka://HOST:PORT/TOPIC or kinesis://STREAM[?endpoint=URL&region=R]")
  String to;

  @Option(names = "--rate", defaultValue = "1000", description = "Events/s; 0 = no limit")
  double rate;

  @Option(names = "--events", defaultValue = "100000", description = "Events in all")
  long events;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2026-01-01T00:00:00Z",
      description = "Event time of the first event, ISO-8601, or 'now'")
  String start;

  @Option(
      names = "--event-rate",
      defaultValue = "1000",
      description = "Events per second of event time (default: 1000)")
  long eventRate;

  @Option(
      names = "--create-shards",
      defaultValue = "0",
      description = "Kinesis: create the stream with this many shards if missing (0: never)")
  int createShards;

  @Option(names = "--no-progress", description = "Do not draw a progress bar")
  boolean noProgress;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (events <= 0) {
      throw new IllegalArgumentException("--events must be positive, was " + events);
    }
    Clock clock = Clock.systemUTC();
    var first = start.equals("now") ? clock.instant() : Instants.parse("--start", start);
    TickerEventGenerator generator =
        new TickerEventGenerator(new GeneratorSettings(seed, first, eventRate, 500));
    Pacer pacer = new Pacer(rate, System::nanoTime);
    TickerEventJson json = new TickerEventJson();
    long began = System.nanoTime();
    try (EventWriter writer = StreamTargets.open(to, createShards);
        ProgressBar bar = progressBar()) {
      for (long i = 0; i < events; i++) {
        pacer.await(i);
        TickerEvent event = generator.eventAt(i);
        writer.send(event.id(), json.toJson(event));
        if (bar != null) {
          bar.step();
        }
      }
      writer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Wrote %,d events (seed %d) to %s in %.1f s (%.0f events/s)%n",
        events, seed, to, seconds, events / seconds);
    out.flush();
    return 0;
  }

  private ProgressBar progressBar() {
    if (noProgress) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("generate")
        .setInitialMax(events)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(500)
        .build();
  }
}
