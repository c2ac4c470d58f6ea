package io.flotilla.cli.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the scenario's workload models: Job durations, CPU load curves and the Flink job. */
final class WorkloadModelReader {
  private static final Pattern OWNER =
      Pattern.compile("[A-Z][A-Za-z]*/[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Set<String> JOB = Set.of("duration");

  WorkloadModels read(ScenarioField root, Path dir) {
    return new WorkloadModels(jobs(root.child("jobs")));
  }

  /** A workload as its pods name their owner: {@code Kind/name}, e.g. {@code Deployment/web}. */
  static String owner(ScenarioField field) {
    String text = field.text();
    if (!OWNER.matcher(text).matches()) {
      throw field.error("expected Kind/name, e.g. Deployment/web, got '" + text + "'");
    }
    return text;
  }

  private static Map<String, Duration> jobs(ScenarioField field) {
    Map<String, Duration> jobs = new LinkedHashMap<>();
    if (!field.present()) {
      return jobs;
    }
    field
        .entries()
        .forEach(
            (name, job) -> {
              if (!name.startsWith("Job/")) {
                throw job.error("only Jobs have a duration (expected Job/name)");
              }
              jobs.put(name, job.mapping(JOB).child("duration").positiveDuration());
            });
    return jobs;
  }
}
