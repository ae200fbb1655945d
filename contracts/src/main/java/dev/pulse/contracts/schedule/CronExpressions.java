package dev.pulse.contracts.schedule;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * Standard 5-field crontab (minute hour day-of-month month day-of-week; 0 and 7 are Sunday; month and
 * day names; {@code @daily}-style macros), parsed once per distinct expression.
 */
final class CronExpressions {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    private final Map<String, CronRule> cache = new ConcurrentHashMap<>();

    CronRule rule(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("cron_expression", "cron_expression is required for a cron schedule");
        }
        String normalized = expression.trim().replaceAll("\\s+", " ");
        CronRule cached = cache.get(normalized);
        if (cached != null) {
            return cached;
        }
        CronRule parsed = new CronRule(ExecutionTime.forCron(parse(normalized)));
        requireSomeDate(parsed, normalized);
        if (cache.size() < CACHE_LIMIT) {
            cache.put(normalized, parsed);
        }
        return parsed;
    }

    /**
     * A valid expression can still name no date at all (30 February, 31 April). Every date a 5-field
     * expression can name recurs within eight years (29 February included), so no time in the next eight
     * years means never.
     */
    private static void requireSomeDate(CronRule rule, String expression) {
        LocalDateTime from = LocalDateTime.of(2000, 1, 1, 0, 0);
        if (rule.firstAfter(from).filter(first -> first.isBefore(from.plusYears(8))).isEmpty()) {
            throw new InvalidScheduleException("cron_expression",
                    "'" + expression + "' never runs: no date matches its day-of-month and month fields");
        }
    }

    private static Cron parse(String written) {
        String expression = written.startsWith("@") ? MACROS.get(written.toLowerCase(Locale.ROOT)) : written;
        if (expression == null) {
            throw new InvalidScheduleException("cron_expression", "unknown macro '" + written + "'; use one of " + new TreeSet<>(MACROS.keySet()));
        }
        if (expression.split(" ").length != 5) {
            throw new InvalidScheduleException("cron_expression",
                    "a cron expression has 5 fields (minute hour day-of-month month day-of-week), got: " + expression);
        }
        try {
            return PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException("cron_expression", "invalid cron expression '" + expression + "': " + e.getMessage());
        }
    }
}
