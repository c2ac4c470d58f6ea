package io.flotilla.sim.traffic;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A rate over virtual time (records per second, or cores of CPU demanded), evaluated at seconds
 * since the run's start. The run starts at midnight UTC, so a daily wave's peak hour is the hour of
 * day. Values are never negative.
 */
public sealed interface Traffic
    permits Traffic.Constant, Traffic.Ramp, Traffic.Wave, Traffic.Points {

  /** The value {@code seconds} after the run's start. */
  double at(double seconds);

  /**
   * The integral from {@code from} to {@code to} seconds (records that arrive in between, for an
   * input rate), exactly: the curves are linear in pieces, or a sinusoid.
   */
  double integral(double from, double to);

  static Traffic constant(double value) {
    return new Constant(value);
  }

  /** From {@code from} at the start to {@code to} after {@code over}, then {@code to}. */
  static Traffic ramp(double from, double to, Duration over) {
    return new Ramp(from, to, Duration.ZERO, over);
  }

  /** A day's sinusoid between {@code min} and {@code max}, highest at {@code peakHour} (UTC). */
  static Traffic daily(double min, double max, double peakHour) {
    return new Wave(
        min, max, Duration.ofMillis(Math.round(peakHour * 3_600_000)), Duration.ofDays(1));
  }

  /** A constant value. */
  record Constant(double value) implements Traffic {
    public Constant {
      requireRate(value, "value");
    }

    @Override
    public double at(double seconds) {
      return value;
    }

    @Override
    public double integral(double from, double to) {
      return value * (to - from);
    }
  }

  /** {@code from} until {@code start}, linear to {@code to} over {@code over}, then {@code to}. */
  record Ramp(double from, double to, Duration start, Duration over) implements Traffic {
    public Ramp {
      requireRate(from, "from");
      requireRate(to, "to");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(over, "over");
      if (start.isNegative() || over.isNegative()) {
        throw new IllegalArgumentException("ramp start and length must not be negative");
      }
    }

    @Override
    public double at(double seconds) {
      double begin = start.toMillis() / 1000.0;
      double length = over.toMillis() / 1000.0;
      if (seconds <= begin) {
        return from;
      }
      if (seconds >= begin + length) {
        return to;
      }
      return from + (to - from) * (seconds - begin) / length;
    }

    @Override
    public double integral(double a, double b) {
      double begin = start.toMillis() / 1000.0;
      double end = begin + over.toMillis() / 1000.0;
      return linearPieces(this, a, b, begin, end);
    }
  }

  /**
   * A sinusoid of the given period between {@code min} and {@code max}, at {@code max} at {@code
   * peakAt} into each period (a daily wave: period 24 h, peak at the peak hour; an hourly one:
   * period 1 h).
   */
  record Wave(double min, double max, Duration peakAt, Duration period) implements Traffic {
    public Wave {
      requireRate(min, "min");
      requireRate(max, "max");
      Objects.requireNonNull(peakAt, "peakAt");
      Objects.requireNonNull(period, "period");
      if (max < min) {
        throw new IllegalArgumentException("wave: max " + max + " below min " + min);
      }
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("wave: period must be positive: " + period);
      }
    }

    @Override
    public double at(double seconds) {
      double phase = (seconds - peakAt.toMillis() / 1000.0) / (period.toMillis() / 1000.0);
      return min + (max - min) * (1 + Math.cos(2 * Math.PI * phase)) / 2;
    }

    @Override
    public double integral(double from, double to) {
      double p = period.toMillis() / 1000.0;
      double peak = peakAt.toMillis() / 1000.0;
      double w = 2 * Math.PI / p;
      double sines = (Math.sin(w * (to - peak)) - Math.sin(w * (from - peak))) / w;
      return (min + (max - min) / 2) * (to - from) + (max - min) / 2 * sines;
    }
  }

  /**
   * Points {@code (seconds, value)} (as a CSV file gives them; reading it is the caller's job),
   * linearly interpolated in between; before the first point its value, after the last the last.
   */
  record Points(List<Point> points) implements Traffic {
    /** One point of the curve. */
    public record Point(double seconds, double value) {
      public Point {
        requireRate(value, "value");
        if (!Double.isFinite(seconds)) {
          throw new IllegalArgumentException("point time must be finite: " + seconds);
        }
      }
    }

    public Points {
      points = List.copyOf(points);
      if (points.isEmpty()) {
        throw new IllegalArgumentException("a traffic curve needs at least one point");
      }
      for (int i = 1; i < points.size(); i++) {
        if (points.get(i).seconds() <= points.get(i - 1).seconds()) {
          throw new IllegalArgumentException(
              "traffic points must be in increasing time order: "
                  + points.get(i - 1).seconds()
                  + " then "
                  + points.get(i).seconds());
        }
      }
    }

    @Override
    public double at(double seconds) {
      // Binary search over the times: a long CSV costs log(n) per evaluation.
      int after = firstAfter(seconds);
      if (after == 0) {
        return points.get(0).value();
      }
      if (after == points.size()) {
        return points.get(points.size() - 1).value();
      }
      Point a = points.get(after - 1);
      Point b = points.get(after);
      return a.value()
          + (b.value() - a.value()) * (seconds - a.seconds()) / (b.seconds() - a.seconds());
    }

    @Override
    public double integral(double from, double to) {
      if (to <= from) {
        return 0;
      }
      // Trapezoids between consecutive breakpoints (the points within the interval): exact.
      double total = 0;
      double t = from;
      double value = at(from);
      int next = firstAfter(from);
      while (t < to) {
        double until = next < points.size() ? Math.min(points.get(next).seconds(), to) : to;
        double valueUntil = at(until);
        total += (value + valueUntil) / 2 * (until - t);
        t = until;
        value = valueUntil;
        next++;
      }
      return total;
    }

    /** The index of the first point later than {@code seconds} (size() when none is). */
    private int firstAfter(double seconds) {
      int lo = 0;
      int hi = points.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (points.get(mid).seconds() <= seconds) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /** The integral of a curve that is linear between {@code k1} and {@code k2}, flat outside. */
  private static double linearPieces(Traffic curve, double a, double b, double k1, double k2) {
    if (b <= a) {
      return 0;
    }
    double total = 0;
    double t = a;
    for (double knot : new double[] {k1, k2, b}) {
      double until = Math.min(Math.max(knot, t), b);
      total += (curve.at(t) + curve.at(until)) / 2 * (until - t);
      t = until;
    }
    return total;
  }

  private static void requireRate(double value, String name) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite rate >= 0: " + value);
    }
  }
}
