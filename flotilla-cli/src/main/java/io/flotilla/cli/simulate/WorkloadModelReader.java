package io.flotilla.cli.simulate;

import io.flotilla.sim.flink.FlinkJobSpec;
import io.flotilla.sim.traffic.Traffic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the scenario's workload models: Jobs, CPU load curves and the Flink job. */
final class WorkloadModelReader {
  private static final Pattern OWNER =
      Pattern.compile("[A-Z][A-Za-z]*/[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
  private static final Set<String> JOB = Set.of("duration", "completions");
  private static final Set<String> FLINK =
      Set.of(
          "name",
          "namespace",
          "jobManager",
          "taskManagers",
          "recordsPerSlotPerSecond",
          "input",
          "slotsPerTaskManager",
          "coresPerSlot",
          "checkpointInterval",
          "checkpointDuration",
          "restartDelay",
          "restoreTime",
          "rescaleCooldown");

  private final List<Scenario.OwnerRef> references = new ArrayList<>();

  WorkloadModels read(ScenarioField root, Path dir) {
    return new WorkloadModels(
        jobs(root.child("jobs")), load(root.child("load"), dir), flink(root.child("flink"), dir));
  }

  /** Every workload the scenario named, with where, so a name the manifests lack is reported. */
  List<Scenario.OwnerRef> references() {
    return List.copyOf(references);
  }

  /** A workload as its pods name their owner: {@code Kind/name}, e.g. {@code Deployment/web}. */
  String owner(ScenarioField field) {
    String text = field.text();
    if (!OWNER.matcher(text).matches()) {
      throw field.error("expected Kind/name, e.g. Deployment/web, got '" + text + "'");
    }
    references.add(new Scenario.OwnerRef(text, field.where()));
    return text;
  }

  /** A mapping key naming a workload. */
  private String ownerKey(String text, ScenarioField value) {
    if (!OWNER.matcher(text).matches()) {
      throw value.error("expected Kind/name as the key, e.g. Deployment/web");
    }
    references.add(new Scenario.OwnerRef(text, value.where()));
    return text;
  }

  private Map<String, WorkloadModels.JobModel> jobs(ScenarioField field) {
    Map<String, WorkloadModels.JobModel> jobs = new LinkedHashMap<>();
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
              job.mapping(JOB);
              jobs.put(
                  ownerKey(name, job),
                  new WorkloadModels.JobModel(
                      job.child("duration").positiveDuration(),
                      job.child("completions").present()
                          ? job.child("completions").integer(1, 10_000_000)
                          : null));
            });
    return jobs;
  }

  private Map<String, Traffic> load(ScenarioField field, Path dir) {
    Map<String, Traffic> load = new LinkedHashMap<>();
    if (field.present()) {
      field
          .entries()
          .forEach(
              (owner, curve) -> load.put(ownerKey(owner, curve), TrafficReader.read(curve, dir)));
    }
    return load;
  }

  private Optional<FlinkJobSpec> flink(ScenarioField field, Path dir) {
    if (!field.present()) {
      return Optional.empty();
    }
    field.mapping(FLINK);
    FlinkJobSpec ref =
        FlinkJobSpec.reference(
            field.child("namespace").present() ? field.child("namespace").text() : "default",
            field.child("name").present() ? field.child("name").text() : "flink",
            owner(field.child("jobManager")),
            owner(field.child("taskManagers")),
            field.child("recordsPerSlotPerSecond").number(1e-6, 1e12),
            TrafficReader.read(field.child("input"), dir));
    return Optional.of(
        new FlinkJobSpec(
            ref.namespace(),
            ref.name(),
            ref.jobManager(),
            ref.taskManagers(),
            field.child("slotsPerTaskManager").present()
                ? field.child("slotsPerTaskManager").integer(1, 1024)
                : ref.slotsPerTaskManager(),
            ref.recordsPerSlotPerSecond(),
            ref.input(),
            field.child("coresPerSlot").present()
                ? field.child("coresPerSlot").number(0, 1024)
                : ref.coresPerSlot(),
            orDefault(field.child("checkpointInterval"), ref.checkpointInterval(), true),
            orDefault(field.child("checkpointDuration"), ref.checkpointDuration(), false),
            orDefault(field.child("restartDelay"), ref.restartDelay(), false),
            orDefault(field.child("restoreTime"), ref.restoreTime(), false),
            orDefault(field.child("rescaleCooldown"), ref.rescaleCooldown(), false)));
  }

  private static Duration orDefault(ScenarioField field, Duration absent, boolean positive) {
    if (!field.present()) {
      return absent;
    }
    return positive ? field.positiveDuration() : field.duration();
  }
}
