package io.flotilla.cli.bench;

import io.flotilla.bench.BenchCase;
import io.flotilla.bench.BenchMix;
import io.flotilla.bench.BenchPools;
import io.flotilla.cli.Flotilla;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.workload.GeneratedWorkload;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flotilla bench cli}: whole-process timing of {@code flotilla plan}. Writes each case's
 * manifests (Deployments, NodePools, an EC2NodeClass), then runs every command given on every case
 * and prints the exact command lines and, per command, the median, fastest and slowest wall time,
 * the median CPU time and the peak resident memory.
 */
@Command(
    name = "cli",
    mixinStandardHelpOptions = true,
    description = {
      "Times whole `flotilla plan` processes (JVM start included) on generated manifests: for each"
          + " mix and size, writes deployments.yaml and nodepools.yaml, then runs each command"
          + " PREFIX followed by `plan -f <case dir>` once untimed and --runs times timed.",
      "Prints per case and command: median, min and max wall seconds, median CPU seconds (user +"
          + " system) and the largest peak resident set (via /usr/bin/time; \"-\" without it)."
          + " Runs take turns between commands; the load average is printed before and after."
    })
public final class BenchCliCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--mix",
      split = ",",
      defaultValue = "few,diverse",
      paramLabel = "MIX[,MIX...]",
      description =
          "Mixes to write: few (20 large Deployments), standard (up to 400), diverse (1-10"
              + " replicas each, hundreds of distinct requests) (default: ${DEFAULT-VALUE}).")
  List<BenchMix> mixes;

  @Option(
      names = "--pools",
      defaultValue = "standard",
      paramLabel = "standard|weighted",
      description = "The NodePools written with each mix (default: ${DEFAULT-VALUE}).")
  BenchPools pools;

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "10000,50000",
      paramLabel = "N[,N...]",
      description = "Pods per case (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed.")
  long seed;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Timed runs per case and command (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--command",
      paramLabel = "PREFIX",
      description =
          "A command to time, split on spaces, e.g. \"java -XX:TieredStopAtLevel=1 -jar"
              + " flotilla.jar\" or \"./flotilla\"; `plan -f <case dir>` is appended. Repeat to"
              + " compare. Default: this JVM's java -jar this jar.")
  List<String> commands;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Where to write the cases (kept). Default: a temporary directory, removed.")
  Path dir;

  @Option(
      names = "--write-only",
      description = "Write the manifests and print the command lines; run nothing.")
  boolean writeOnly;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<List<String>> prefixes = prefixes();
    Path root = dir != null ? dir : Files.createTempDirectory("flotilla-bench-cli");
    try {
      ProcessTimer timer = new ProcessTimer(ProcessTimer.GNU_TIME, Files.createDirectories(root));
      if (!writeOnly && !timer.measuresMemory()) {
        out.println("note: " + ProcessTimer.GNU_TIME + " not found: peak memory not measured");
      }
      out.println(LoadAverage.describe("load average at start"));
      out.printf(
          "%-26s %6s %9s %6s %3s %8s %7s %7s %7s %7s  %s%n",
          "case",
          "pods",
          "workloads",
          "shapes",
          "cmd",
          "median s",
          "min s",
          "max s",
          "cpu s",
          "RSS MiB",
          "wall s of each run");
      for (BenchMix mix : mixes) {
        for (int size : sizes) {
          BenchCase benchCase = new BenchCase(mix, pools, size, seed);
          Path caseDir = root.resolve(caseName(benchCase));
          BenchCase.Problem problem = benchCase.generate();
          MixManifests.write(caseDir, problem.workloads(), problem.pools());
          List<List<String>> lines = new ArrayList<>();
          for (List<String> prefix : prefixes) {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(List.of("plan", "-f", caseDir.toString()));
            lines.add(command);
            out.println("[" + lines.size() + "] " + String.join(" ", command));
          }
          List<List<RunSample>> samples;
          try {
            samples = writeOnly ? List.of() : interleaved(timer, lines);
          } catch (IOException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
          }
          for (int c = 0; c < samples.size(); c++) {
            out.printf(
                Locale.ROOT,
                "%-26s %6d %9d %6d %3d %s%n",
                caseName(benchCase),
                size,
                problem.workloads().size(),
                shapes(problem.workloads()),
                c + 1,
                figures(samples.get(c)));
          }
          out.flush();
        }
      }
      out.println(LoadAverage.describe("load average at end"));
    } finally {
      if (dir == null && !writeOnly) {
        deleteTree(root);
      }
    }
    if (writeOnly && dir == null) {
      out.println("manifests kept in " + root);
    }
    return 0;
  }

  /**
   * Runs every command once untimed (page cache, first-run effects), then the timed runs in turns,
   * one of each command per turn, so that a change of load on a shared machine hits them alike.
   */
  private List<List<RunSample>> interleaved(ProcessTimer timer, List<List<String>> commands)
      throws IOException, InterruptedException {
    List<List<RunSample>> samples = new ArrayList<>();
    for (List<String> command : commands) {
      timer.run(command);
      samples.add(new ArrayList<>());
    }
    for (int i = 0; i < runs; i++) {
      for (int c = 0; c < commands.size(); c++) {
        samples.get(c).add(timer.run(commands.get(c)));
      }
    }
    return samples;
  }

  private static String figures(List<RunSample> samples) {
    RunSummary s = RunSummary.of(samples);
    return String.format(
        Locale.ROOT,
        "%8.3f %7.3f %7.3f %7s %7s  %s",
        s.medianSeconds(),
        s.minSeconds(),
        s.maxSeconds(),
        s.medianCpuSeconds() == null
            ? "-"
            : String.format(Locale.ROOT, "%.2f", s.medianCpuSeconds()),
        s.maxRssKiB() == null ? "-" : String.valueOf(s.maxRssKiB() / 1024),
        RunSummary.walls(samples));
  }

  static String caseName(BenchCase c) {
    return c.mix().name().toLowerCase(Locale.ROOT)
        + "-"
        + c.pools().name().toLowerCase(Locale.ROOT)
        + "-"
        + c.pods()
        + "-s"
        + c.seed();
  }

  private static int shapes(List<GeneratedWorkload> workloads) {
    Set<Resources> distinct = new HashSet<>();
    workloads.forEach(w -> distinct.add(w.requests()));
    return distinct.size();
  }

  private List<List<String>> prefixes() {
    List<List<String>> result = new ArrayList<>();
    if (commands == null || commands.isEmpty()) {
      result.add(List.of(javaBinary(), "-jar", ownJar()));
      return result;
    }
    for (String c : commands) {
      List<String> words = Stream.of(c.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
      if (words.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--command must not be empty");
      }
      result.add(words);
    }
    return result;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The jar this command runs from; without one (classes on a path), --command is needed. */
  private String ownJar() {
    try {
      Path location =
          Path.of(Flotilla.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location) && location.toString().endsWith(".jar")) {
        return location.toString();
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through: no jar to name
    }
    throw new ParameterException(
        spec.commandLine(), "not running from a jar: give the command to time with --command");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
