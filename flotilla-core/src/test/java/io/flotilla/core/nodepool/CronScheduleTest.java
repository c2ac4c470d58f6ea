package io.flotilla.core.nodepool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleTest {
  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void weekdayBusinessHoursWindow() {
    // The budget every Karpenter guide shows: no disruption Mon-Fri 09:00-17:00 UTC.
    CronSchedule s = CronSchedule.parse("0 9 * * mon-fri");
    Duration eight = Duration.ofHours(8);

    assertThat(s.activeAt(utc("2026-01-05T09:00:00Z"), eight)).isTrue(); // Monday
    assertThat(s.activeAt(utc("2026-01-05T16:59:59Z"), eight)).isTrue();
    assertThat(s.activeAt(utc("2026-01-05T17:00:00Z"), eight)).isFalse();
    assertThat(s.activeAt(utc("2026-01-05T08:59:00Z"), eight)).isFalse();
    assertThat(s.activeAt(utc("2026-01-10T10:00:00Z"), eight)).isFalse(); // Saturday
  }

  @Test
  void listsRangesStepsNamesAndMacros() {
    assertThat(CronSchedule.parse("*/15 * * * *").firesAt(utc("2026-03-01T10:45:00Z"))).isTrue();
    assertThat(CronSchedule.parse("*/15 * * * *").firesAt(utc("2026-03-01T10:46:00Z"))).isFalse();
    assertThat(CronSchedule.parse("5,35 1-3 * jan,mar *").firesAt(utc("2026-03-01T02:35:00Z")))
        .isTrue();
    assertThat(CronSchedule.parse("0 0 * * 7").firesAt(utc("2026-01-04T00:00:00Z"))).isTrue();
    assertThat(CronSchedule.parse("@daily").firesAt(utc("2026-07-09T00:00:00Z"))).isTrue();
    assertThat(CronSchedule.parse("@hourly").firesAt(utc("2026-07-09T13:00:00Z"))).isTrue();
    assertThat(CronSchedule.parse("@weekly").firesAt(utc("2026-07-09T00:00:00Z"))).isFalse();
  }

  @Test
  void bothDayFieldsRestrictedMatchEitherDay() {
    // The 13th, or any Friday.
    CronSchedule s = CronSchedule.parse("0 0 13 * fri");

    assertThat(s.firesAt(utc("2026-01-13T00:00:00Z"))).isTrue(); // a Tuesday
    assertThat(s.firesAt(utc("2026-01-16T00:00:00Z"))).isTrue(); // a Friday
    assertThat(s.firesAt(utc("2026-01-14T00:00:00Z"))).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aFieldWithOneValueMatchesExactlyThatValue(long seed) {
    // Checked against java.time's own calendar over random instants.
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextLong(200_000_000L));
      ZonedDateTime t = at.atZone(ZoneOffset.UTC);
      int minute = random.nextInt(60);
      int hour = random.nextInt(24);
      DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
      CronSchedule s = CronSchedule.parse(minute + " " + hour + " * * " + (day.getValue() % 7));

      boolean expected = t.getMinute() == minute && t.getHour() == hour && t.getDayOfWeek() == day;
      assertThat(s.firesAt(at)).as("%s at %s", s, t).isEqualTo(expected);
    }
  }

  @Test
  void badSchedulesAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).hasMessageContaining("hour 25");
    assertThatThrownBy(() -> CronSchedule.parse("0 9 * *")).hasMessageContaining("4 fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 9 * * funday"))
        .hasMessageContaining("day of week");
    assertThatThrownBy(() -> CronSchedule.parse("@sometimes")).hasMessageContaining("@sometimes");
    assertThatThrownBy(() -> CronSchedule.parse("0 17-9 * * *")).hasMessageContaining("backwards");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void aWindowIsActiveExactlyWhenSomeMinuteOfItFired(long seed) {
    // The hour-by-hour search against a plain scan of every minute of the window.
    SplittableRandom random = new SplittableRandom(seed);
    String[] schedules = {
      "0 9 * * mon-fri", "*/20 * * * *", "30 2 1,15 * *", "0 0 13 * fri", "@daily", "45 23 * * 0"
    };
    for (int i = 0; i < 300; i++) {
      CronSchedule s = CronSchedule.parse(schedules[random.nextInt(schedules.length)]);
      Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextLong(100_000_000L));
      Duration duration = Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60));

      boolean expected = false;
      Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
      for (long back = 0; back <= duration.toMinutes() && !expected; back++) {
        Instant start = minute.minusSeconds(60 * back);
        expected = at.isBefore(start.plus(duration)) && s.firesAt(start);
      }
      assertThat(s.activeAt(at, duration))
          .as("%s at %s for %s", s, at, duration)
          .isEqualTo(expected);
    }
  }
}
