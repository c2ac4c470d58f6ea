package io.flotilla.flink.cli;

import io.flotilla.flink.generator.GeneratorSettings;
import io.flotilla.flink.job.FlotillaPipeline;
import io.flotilla.flink.job.JobConfiguration;
import io.flotilla.flink.job.PipelineSettings;
import io.flotilla.flink.sink.Outputs;
import io.flotilla.flink.source.SourceSpec;
import io.flotilla.flink.source.Sources;
import java.time.Clock;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Everything one job run needs, resolved from the options. */
record JobLaunch(
    SourceSpec source,
    GeneratorSettings generator,
    Outputs outputs,
    PipelineSettings pipeline,
    Configuration configuration,
    long events,
    double rate) {

  static JobLaunch from(JobOptions options, Clock clock) {
    PipelineSettings pipeline = options.pipelineSettings();
    Configuration configuration = JobConfiguration.of(pipeline);
    configuration.addAll(options.extraConfiguration());
    return new JobLaunch(
        options.sourceSpec(),
        options.generatorSettings(clock),
        options.outputs(),
        pipeline,
        configuration,
        options.events,
        options.rate);
  }

  /** Builds the dataflow on {@code env}. */
  void build(StreamExecutionEnvironment env) {
    FlotillaPipeline.build(
        env,
        Sources.create(source, generator, events, rate),
        Sources.name(source),
        outputs,
        pipeline);
  }
}
