package dev.pulse.api.job;

/** The sprint document's use cases, as request examples in the OpenAPI description. */
final class JobExamples {

    static final String DAILY_DIGEST = """
            {
              "workspace_id": "00000000-0000-0000-0000-000000000000",
              "name": "Daily AI Digest",
              "schedule_type": "daily",
              "schedule_time": "08:00",
              "timezone": "America/New_York",
              "actions": ["scrape", "generate", "send"],
              "config": {
                "max_items": 10,
                "days_back": 1,
                "sources": ["r/MachineLearning", "https://hnrss.org/frontpage"]
              }
            }""";

    static final String WEEKLY_ROUNDUP = """
            {
              "workspace_id": "00000000-0000-0000-0000-000000000000",
              "name": "Weekly AI Roundup",
              "schedule_type": "weekly",
              "schedule_days": ["monday"],
              "schedule_time": "10:00",
              "timezone": "UTC",
              "actions": ["scrape", "generate", "send"],
              "config": {"max_items": 20, "days_back": 7, "tone": "professional"}
            }""";

    static final String TEST_NEWSLETTER = """
            {
              "workspace_id": "00000000-0000-0000-0000-000000000000",
              "name": "Test Newsletter",
              "schedule_type": "daily",
              "schedule_time": "12:00",
              "actions": ["scrape", "generate"],
              "config": {"max_items": 5, "test_mode": true}
            }""";

    static final String WEEKDAYS_CRON = """
            {
              "workspace_id": "00000000-0000-0000-0000-000000000000",
              "name": "Weekday briefing",
              "schedule_type": "cron",
              "cron_expression": "0 8 * * MON-FRI",
              "timezone": "Europe/London",
              "actions": ["scrape", "generate", "send"]
            }""";

    static final String UPDATE = """
            {"schedule_time": "07:30", "config": {"max_items": 12, "tone": "friendly"}}""";

    static final String DISABLE = """
            {"is_enabled": false}""";

    static final String RUN_NOW_TEST = """
            {"test_mode": true}""";

    static final String PREVIEW_DST = """
            {
              "schedule_type": "daily",
              "schedule_time": "02:30",
              "timezone": "America/New_York",
              "from": "2026-03-06T00:00:00-05:00",
              "count": 5
            }""";

    private JobExamples() {
    }
}
