package io.flotilla.cli.simulate;

import io.flotilla.sim.traffic.Traffic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A curve over the run: a number (constant), or one of {@code constant: V}, {@code ramp: {from, to,
 * over, start}}, {@code daily: {min, max, peakHour}}, {@code wave: {min, max, period, peakAt}} and
 * {@code csv: FILE} (lines {@code seconds,value}, a header line allowed), the file relative to the
 * scenario.
 */
final class TrafficReader {
  private static final Set<String> KINDS = Set.of("constant", "ramp", "daily", "wave", "csv");
  private static final Set<String> RAMP = Set.of("from", "to", "over", "start");
  private static final Set<String> DAILY = Set.of("min", "max", "peakHour");
  private static final Set<String> WAVE = Set.of("min", "max", "period", "peakAt");
  private static final double MAX = 1e12;

  private TrafficReader() {}

  static Traffic read(ScenarioField field, Path dir) {
    if (!field.present()) {
      throw field.error("missing");
    }
    if (!field.isMapping()) {
      return Traffic.constant(field.number(0, MAX));
    }
    Map<String, ScenarioField> entries = field.mapping(KINDS).entries();
    if (entries.size() != 1) {
      throw field.error("give exactly one of " + KINDS);
    }
    Map.Entry<String, ScenarioField> only = entries.entrySet().iterator().next();
    ScenarioField f = only.getValue();
    switch (only.getKey()) {
      case "constant":
        return Traffic.constant(f.number(0, MAX));
      case "ramp":
        f.mapping(RAMP);
        return new Traffic.Ramp(
            f.child("from").number(0, MAX),
            f.child("to").number(0, MAX),
            f.child("start").present() ? f.child("start").duration() : Duration.ZERO,
            f.child("over").positiveDuration());
      case "daily":
        f.mapping(DAILY);
        return daily(f);
      case "wave":
        f.mapping(WAVE);
        double min = f.child("min").number(0, MAX);
        double max = f.child("max").number(min, MAX);
        return new Traffic.Wave(
            min,
            max,
            f.child("peakAt").present() ? f.child("peakAt").duration() : Duration.ZERO,
            f.child("period").positiveDuration());
      default:
        return csv(f, dir);
    }
  }

  private static Traffic daily(ScenarioField f) {
    double min = f.child("min").number(0, MAX);
    return Traffic.daily(min, f.child("max").number(min, MAX), f.child("peakHour").number(0, 24));
  }

  private static Traffic csv(ScenarioField f, Path dir) {
    Path file = dir.resolve(f.text()).normalize();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw f.error("cannot read " + file + ": " + e.getMessage());
    }
    List<Traffic.Points.Point> points = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",");
      try {
        double seconds = Double.parseDouble(cells[0].trim());
        double value = Double.parseDouble(cells.length > 1 ? cells[1].trim() : "");
        if (!(value >= 0) || !Double.isFinite(seconds)) {
          throw new ScenarioException(
              file
                  + ":"
                  + (i + 1)
                  + ": expected seconds >= 0 and a value >= 0, got '"
                  + line
                  + "'");
        }
        if (!points.isEmpty() && seconds <= points.get(points.size() - 1).seconds()) {
          throw new ScenarioException(
              file + ":" + (i + 1) + ": times must increase, got " + cells[0].trim());
        }
        points.add(new Traffic.Points.Point(seconds, value));
      } catch (NumberFormatException e) {
        if (points.isEmpty() && i == firstContentLine(lines)) {
          continue; // a header line
        }
        throw new ScenarioException(
            file + ":" + (i + 1) + ": expected 'seconds,value', got '" + line + "'");
      }
    }
    if (points.isEmpty()) {
      throw f.error(file + " holds no 'seconds,value' lines");
    }
    return new Traffic.Points(points);
  }

  private static int firstContentLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.isEmpty() && !line.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }
}
