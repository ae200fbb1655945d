package dev.pulse.contracts.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.contracts.messages.Schedule;

class ScheduleCalculatorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ScheduleCalculator calculator = new ScheduleCalculator();

    @Test
    void dailyRunsAtTheLocalTimeInItsZone() {
        Schedule daily = Schedule.daily(LocalTime.of(8, 0), NEW_YORK);
        assertThat(calculator.next(daily, Instant.parse("2026-01-10T12:00:00Z"))).isEqualTo("2026-01-10T13:00:00Z");
        assertThat(calculator.next(daily, Instant.parse("2026-01-10T13:00:00Z"))).isEqualTo("2026-01-11T13:00:00Z");
        assertThat(calculator.next(daily, Instant.parse("2026-07-10T13:00:00Z"))).isEqualTo("2026-07-11T12:00:00Z");
    }

    @Test
    void aTimeInTheSpringForwardGapRunsAtTheSameOffsetAfterIt() {
        Schedule daily = Schedule.daily(LocalTime.of(2, 30), NEW_YORK);
        // 2026-03-08 02:30 does not exist in New York: it runs at 03:30 EDT (07:30Z).
        assertThat(calculator.preview(daily, Instant.parse("2026-03-06T12:00:00Z"), 3)).containsExactly(
                Instant.parse("2026-03-07T07:30:00Z"), Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
    }

    @Test
    void aTimeThatHappensTwiceRunsOnceAtTheFirstOccurrence() {
        Schedule daily = Schedule.daily(LocalTime.of(1, 30), NEW_YORK);
        // 2026-11-01 01:30 happens at 05:30Z (EDT) and 06:30Z (EST): only the first.
        assertThat(calculator.preview(daily, Instant.parse("2026-10-31T12:00:00Z"), 2)).containsExactly(
                Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
    }

    @Test
    void weeklyRunsOnItsDaysOnly() {
        Schedule weekly = Schedule.weekly(List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(10, 0), UTC);
        assertThat(calculator.preview(weekly, Instant.parse("2026-11-28T00:00:00Z"), 4)).containsExactly(
                Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void customRunsEveryIntervalFromItsAnchorInAbsoluteTime() {
        Instant anchor = Instant.parse("2026-03-08T05:00:00Z");
        Schedule hourly = Schedule.every(3600, anchor, NEW_YORK);
        assertThat(calculator.next(hourly, Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(anchor);
        assertThat(calculator.next(hourly, anchor)).isEqualTo("2026-03-08T06:00:00Z");
        // across the DST change the interval stays one real hour
        assertThat(calculator.preview(hourly, Instant.parse("2026-03-08T06:00:00Z"), 2))
                .containsExactly(Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(calculator.next(hourly, Instant.parse("2026-03-08T06:59:59Z"))).isEqualTo("2026-03-08T07:00:00Z");
    }

    @Test
    void cronRunsInItsZone() {
        Schedule weekdays = Schedule.cron("0 8 * * 1-5", NEW_YORK);
        assertThat(calculator.preview(weekdays, Instant.parse("2026-11-27T14:00:00Z"), 2)).containsExactly(
                Instant.parse("2026-11-30T13:00:00Z"), Instant.parse("2026-12-01T13:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 9 * * 0", "0 9 * * 7", "0 9 * * SUN", "0 9 * * sun"})
    void zeroSevenAndSunAreAllSunday(String expression) {
        assertThat(calculator.next(Schedule.cron(expression, UTC), Instant.parse("2026-11-27T00:00:00Z")))
                .isEqualTo("2026-11-29T09:00:00Z");
    }

    @Test
    void monthNamesAndMacrosWork() {
        Instant from = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(calculator.next(Schedule.cron("0 0 1 JAN *", UTC), from)).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(calculator.next(Schedule.cron("@daily", UTC), from)).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(calculator.next(Schedule.cron("@hourly", UTC), from)).isEqualTo("2026-11-27T11:00:00Z");
        assertThat(calculator.next(Schedule.cron("@weekly", UTC), from)).isEqualTo("2026-11-29T00:00:00Z");
        assertThat(calculator.next(Schedule.cron("@monthly", UTC), from)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(calculator.next(Schedule.cron("@yearly", UTC), from)).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void dayOfMonthAndDayOfWeekMeanEitherAsInCrontab() {
        Schedule fridaysAndThe13th = Schedule.cron("0 0 13 * 5", UTC);
        assertThat(calculator.preview(fridaysAndThe13th, Instant.parse("2026-12-05T00:00:00Z"), 3)).containsExactly(
                Instant.parse("2026-12-11T00:00:00Z"), Instant.parse("2026-12-13T00:00:00Z"), Instant.parse("2026-12-18T00:00:00Z"));
    }

    @Test
    void cronInTheGapRunsOnceAfterIt() {
        Schedule everyQuarter = Schedule.cron("*/30 * * * *", NEW_YORK);
        List<Instant> runs = calculator.preview(everyQuarter, Instant.parse("2026-03-08T06:15:00Z"), 4);
        // 01:30 EST, then 02:00 and 02:30 do not exist (03:00 and 03:30 EDT), then 04:00 EDT
        assertThat(runs).containsExactly(Instant.parse("2026-03-08T06:30:00Z"), Instant.parse("2026-03-08T07:00:00Z"),
                Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-08T08:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * * *", "99 * * * *", "", "   ", "0 25 * * *", "0 0 * * funday", "not cron", "@reboot"})
    void badCronExpressionsNameTheField(String expression) {
        assertThatThrownBy(() -> calculator.validate(Schedule.cron(expression, UTC)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("cron_expression"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 30 2 *", "0 0 31 4 *", "0 0 31 6 *", "15 9 31 2,4,6,9,11 *", "0 0 30-31 FEB *"})
    void cronExpressionsThatNeverRunAreInvalid(String expression) {
        assertThatThrownBy(() -> calculator.validate(Schedule.cron(expression, NEW_YORK)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> {
                    assertThat(e.field()).isEqualTo("cron_expression");
                    assertThat(e.getMessage()).contains("never runs");
                });
    }

    @Test
    void aCronExpressionForTheLeapDayIsValidAndRunsEveryFourYears() {
        Schedule leapDay = Schedule.cron("0 12 29 2 *", UTC);
        calculator.validate(leapDay);
        assertThat(calculator.preview(leapDay, Instant.parse("2026-12-01T00:00:00Z"), 2))
                .containsExactly(Instant.parse("2028-02-29T12:00:00Z"), Instant.parse("2032-02-29T12:00:00Z"));
    }

    @Test
    void missingFieldsAreNamed() {
        assertThatThrownBy(() -> calculator.validate(Schedule.daily(null, UTC)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("schedule_time"));
        assertThatThrownBy(() -> calculator.validate(Schedule.weekly(List.of(), LocalTime.NOON, UTC)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("schedule_days"));
        assertThatThrownBy(() -> calculator.validate(Schedule.every(59, Instant.EPOCH, UTC)))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("interval_minutes"));
    }
}
