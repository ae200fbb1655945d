package dev.pulse.contracts.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pulse.contracts.messages.Schedule;

/**
 * Every DST transition from 1970 to 2050 in zones chosen for their awkward rules: a 30-minute shift
 * (Lord Howe), transitions at midnight (Cairo, Santiago), none at all since 1945 (Kolkata). Around each
 * one, a daily schedule at many local times runs exactly once on every local day, and a weekly one
 * exactly once on each of its days.
 */
class DstSweepTest {

    private static final List<LocalTime> TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 15), LocalTime.of(0, 30),
            LocalTime.of(1, 0), LocalTime.of(1, 30), LocalTime.of(1, 59), LocalTime.of(2, 0), LocalTime.of(2, 15),
            LocalTime.of(2, 30), LocalTime.of(2, 45), LocalTime.of(3, 0), LocalTime.of(12, 0), LocalTime.of(23, 0),
            LocalTime.of(23, 30), LocalTime.of(23, 59));
    private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2050-12-31T00:00:00Z");

    private final ScheduleCalculator calculator = new ScheduleCalculator();

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago",
            "Asia/Kolkata", "Africa/Cairo"})
    void dailyRunsOnceOnEveryLocalDayAroundEveryTransition(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (LocalDate day : daysToCheck(zone)) {
            for (LocalTime time : TIMES) {
                Map<LocalDate, List<Instant>> runs = runsByLocalDay(Schedule.daily(time, zone), zone, day.minusDays(3), day.plusDays(3));
                for (LocalDate d = day.minusDays(2); !d.isAfter(day.plusDays(2)); d = d.plusDays(1)) {
                    assertThat(runs.getOrDefault(d, List.of())).as("%s daily %s on %s (transition day %s)", zone, time, d, day)
                            .hasSize(1);
                }
                runs.forEach((date, instants) -> assertThat(instants).as("%s daily %s on %s", zone, time, date).hasSize(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago",
            "Asia/Kolkata", "Africa/Cairo"})
    void weeklyRunsOnceOnEachOfItsDaysAroundEveryTransition(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (LocalDate day : daysToCheck(zone)) {
            EnumSet<DayOfWeek> days = EnumSet.of(day.getDayOfWeek().minus(1), day.getDayOfWeek(), day.getDayOfWeek().plus(1));
            for (LocalTime time : TIMES) {
                Schedule weekly = Schedule.weekly(List.copyOf(days), time, zone);
                Map<LocalDate, List<Instant>> runs = runsByLocalDay(weekly, zone, day.minusDays(3), day.plusDays(3));
                for (LocalDate d = day.minusDays(1); !d.isAfter(day.plusDays(1)); d = d.plusDays(1)) {
                    assertThat(runs.getOrDefault(d, List.of())).as("%s weekly %s on %s (transition day %s)", zone, time, d, day)
                            .hasSize(1);
                }
                assertThat(runs.keySet()).allSatisfy(d -> assertThat(days).contains(d.getDayOfWeek()));
                runs.forEach((date, instants) -> assertThat(instants).hasSize(1));
            }
        }
    }

    /** All runs whose instant lies in [from 00:00, until 00:00) local, grouped by their local date. */
    private Map<LocalDate, List<Instant>> runsByLocalDay(Schedule schedule, ZoneId zone, LocalDate from, LocalDate until) {
        Instant start = from.atStartOfDay(zone).toInstant().minusSeconds(1);
        Instant end = until.atStartOfDay(zone).toInstant();
        Map<LocalDate, List<Instant>> runs = new TreeMap<>();
        for (Instant at = calculator.next(schedule, start); at.isBefore(end); at = calculator.next(schedule, at)) {
            runs.computeIfAbsent(LocalDate.ofInstant(at, zone), d -> new ArrayList<>()).add(at);
        }
        return runs;
    }

    /**
     * The local day of every transition; a zone with none in the range (Kolkata) gets the first of every
     * month instead, so the sweep still runs.
     */
    private static List<LocalDate> daysToCheck(ZoneId zone) {
        List<LocalDate> days = new ArrayList<>();
        transitions(zone).forEach(t -> days.add(t.getDateTimeBefore().toLocalDate()));
        if (days.isEmpty()) {
            for (LocalDate d = LocalDate.of(1970, 1, 1); d.getYear() <= 2050; d = d.plusMonths(1)) {
                days.add(d);
            }
        }
        assertThat(days).hasSizeGreaterThan(100);
        return days;
    }

    private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(FROM); t != null && t.getInstant().isBefore(UNTIL);
                t = rules.nextTransition(t.getInstant())) {
            transitions.add(t);
        }
        return transitions;
    }

}
