package io.flotilla.cli.simulate;

import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.SourceException;
import io.flotilla.kube.manifest.source.SourceFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file: YAML naming manifest files (relative to the scenario's directory) and
 * adding duration, seed, strategy, faults, scale steps, cloud settings and workload models. Every
 * problem is a {@link ScenarioException} naming file, line and field; unknown fields are errors, so
 * a misspelt key is never silently ignored.
 */
public final class ScenarioReader {
  static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "manifests",
          "nodeGroups",
          "duration",
          "seed",
          "strategy",
          "checkpointOnWarning",
          "sampleEvery",
          "podGracePeriod",
          "warmUp",
          "faults",
          "scale",
          "cloud",
          "flink",
          "load",
          "jobs");
  private static final Set<String> FAULT = Set.of("at", "pool", "nodes", "notice");
  private static final Set<String> SCALE = Set.of("at", "workload", "replicas");
  private static final Set<String> CLOUD =
      Set.of(
          "interruptionScale",
          "launchesPerSecond",
          "launchBurst",
          "spotCapacityPerPool",
          "rebalanceLead",
          "readyMin",
          "readyMax");

  /** Samples per run when the scenario does not say: enough for a chart, small for a file. */
  private static final int DEFAULT_SAMPLES = 1_000;

  public Scenario read(Path file) {
    WorkloadModelReader models = new WorkloadModelReader();
    ScenarioField root = ScenarioField.root(document(file)).mapping(FIELDS);
    Path dir = file.toAbsolutePath().getParent();
    Duration duration = root.child("duration").positiveDuration();
    return new Scenario(
        file,
        root.child("name").present() ? root.child("name").text() : baseName(file),
        paths(root.child("manifests"), dir, true),
        root.child("nodeGroups").present()
            ? paths(root.child("nodeGroups"), dir, false)
            : List.of(),
        duration,
        root.child("seed").present() ? root.child("seed").longValue() : 1L,
        strategy(root.child("strategy")),
        !root.child("checkpointOnWarning").present() || root.child("checkpointOnWarning").bool(),
        root.child("sampleEvery").present()
            ? root.child("sampleEvery").positiveDuration()
            : defaultSampling(duration),
        root.child("podGracePeriod").present()
            ? root.child("podGracePeriod").duration()
            : Duration.ofSeconds(30),
        warmUp(root.child("warmUp"), duration),
        faults(root.child("faults"), duration),
        scaleSteps(root.child("scale"), duration, models),
        cloud(root.child("cloud")),
        models.read(root, dir),
        models.references());
  }

  private static Duration warmUp(ScenarioField field, Duration duration) {
    if (!field.present()) {
      return Duration.ZERO;
    }
    Duration warmUp = field.duration();
    if (warmUp.compareTo(duration) >= 0) {
      throw field.error("the warm-up must end before the run does (duration " + duration + ")");
    }
    return warmUp;
  }

  private static Document document(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException(file + ": no such file");
    }
    List<Document> docs;
    try {
      docs =
          new SourceFiles(InputStream.nullInputStream())
              .documents(new SourceFiles.Input(file, true));
    } catch (SourceException e) {
      throw new ScenarioException(e.location().format(e.problem()), e);
    }
    List<Document> nonEmpty = docs.stream().filter(d -> !d.isEmpty()).toList();
    if (nonEmpty.isEmpty()) {
      throw new ScenarioException(
          file + ": empty scenario (expected at least manifests and duration)");
    }
    if (nonEmpty.size() > 1) {
      throw new ScenarioException(
          file + ": one scenario per file, found " + nonEmpty.size() + " documents");
    }
    Document doc = nonEmpty.get(0);
    if (!doc.root().isObject()) {
      throw new ScenarioException(file + ": a scenario is a mapping of fields");
    }
    for (String required : List.of("manifests", "duration")) {
      if (!doc.root().has(required)) {
        throw new ScenarioException(file + ": " + required + ": missing");
      }
    }
    return doc;
  }

  private static List<Path> paths(ScenarioField field, Path dir, boolean required) {
    List<ScenarioField> items = field.items();
    if (items.isEmpty() && required) {
      throw field.error("name at least one manifest file or directory");
    }
    List<Path> paths = new ArrayList<>();
    for (ScenarioField item : items) {
      Path p = dir.resolve(item.text()).normalize();
      if (!Files.exists(p)) {
        throw item.error("no such file or directory: " + p);
      }
      paths.add(p);
    }
    return paths;
  }

  private static StrategyName strategy(ScenarioField field) {
    if (!field.present()) {
      return StrategyName.FLOTILLA;
    }
    StrategyName s = StrategyName.byLabel(field.text());
    if (s == null) {
      throw field.error(
          "unknown strategy '"
              + field.text()
              + "' (expected one of "
              + StrategyName.labels()
              + ")");
    }
    return s;
  }

  private static Duration defaultSampling(Duration duration) {
    Duration even = duration.dividedBy(DEFAULT_SAMPLES);
    return even.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : even;
  }

  private static List<Scenario.FaultStep> faults(ScenarioField field, Duration duration) {
    List<Scenario.FaultStep> faults = new ArrayList<>();
    if (!field.present()) {
      return faults;
    }
    for (ScenarioField f : field.items()) {
      f.mapping(FAULT);
      faults.add(
          new Scenario.FaultStep(
              within(f.child("at"), duration),
              f.child("pool").text(),
              f.child("nodes").integer(1, 100_000),
              f.child("notice").present() ? f.child("notice").duration() : Duration.ofMinutes(2)));
    }
    return faults;
  }

  private static List<Scenario.ScaleStep> scaleSteps(
      ScenarioField field, Duration duration, WorkloadModelReader models) {
    List<Scenario.ScaleStep> steps = new ArrayList<>();
    if (!field.present()) {
      return steps;
    }
    for (ScenarioField s : field.items()) {
      s.mapping(SCALE);
      steps.add(
          new Scenario.ScaleStep(
              within(s.child("at"), duration),
              models.owner(s.child("workload")),
              s.child("replicas").integer(0, 1_000_000)));
    }
    return steps;
  }

  /** A time within the run. */
  static Duration within(ScenarioField field, Duration duration) {
    Duration at = field.duration();
    if (at.compareTo(duration) > 0) {
      throw field.error("after the end of the run (" + duration + ")");
    }
    return at;
  }

  private static Scenario.CloudSpec cloud(ScenarioField field) {
    if (!field.present()) {
      return Scenario.CloudSpec.DEFAULTS;
    }
    field.mapping(CLOUD);
    ScenarioField scale = field.child("interruptionScale");
    ScenarioField rate = field.child("launchesPerSecond");
    ScenarioField burst = field.child("launchBurst");
    ScenarioField capacity = field.child("spotCapacityPerPool");
    ScenarioField lead = field.child("rebalanceLead");
    ScenarioField min = field.child("readyMin");
    ScenarioField max = field.child("readyMax");
    return new Scenario.CloudSpec(
        scale.present() ? scale.number(0, 1_000) : null,
        rate.present() ? rate.number(0.001, 1e6) : null,
        burst.present() ? burst.integer(1, 1_000_000) : null,
        capacity.present() ? capacity.integer(0, 10_000_000) : null,
        lead.present() ? lead.duration() : null,
        min.present() ? min.duration() : null,
        max.present() ? max.duration() : null);
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
