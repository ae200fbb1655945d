package dev.pulse.scrape.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tue, 01 Dec 2026 08:00:00 GMT|2026-12-01T08:00:00Z",
            "Tue, 1 Dec 2026 03:00:00 -0500|2026-12-01T08:00:00Z",
            "Tue,  01 Dec 2026 09:30 +0130|2026-12-01T08:00:00Z",
            "01 dec 2026 08:00:00 UT|2026-12-01T08:00:00Z",
            "Tue, 01 Dec 26 08:00:00 GMT|2026-12-01T08:00:00Z",
            "Tue, 01 Dec 2026 03:00:00 EST|2026-12-01T08:00:00Z",
            "2026-12-01T08:00:00Z|2026-12-01T08:00:00Z",
            "2026-12-01T08:00:00.250+00:00|2026-12-01T08:00:00.250Z",
            "2026-12-01 10:00:00+02:00|2026-12-01T08:00:00Z",
            "2026-12-01T08:00:00|2026-12-01T08:00:00Z",
            "2026-12-01|2026-12-01T00:00:00Z",
            "2026-12-01 08:00:00 +0000|2026-12-01T08:00:00Z",
            "2026-12-01 09:00:00 +0100 CET|2026-12-01T08:00:00Z",
            "2026-12-01 08:00:00 +0000 UTC|2026-12-01T08:00:00Z",
            "2026-12-01 08:00:00 UTC|2026-12-01T08:00:00Z",
            "2026-12-01 08:00:00.123456|2026-12-01T08:00:00.123456Z",
            "2026-12-01 08:00|2026-12-01T08:00:00Z",
            "Tue, 01 Dec 2026 08:00:00 +0000 (UTC)|2026-12-01T08:00:00Z",
            "Wed, 01 Jul 2026 00:00:00 PST|2026-07-01T08:00:00Z",
            "Wed, 01 Jul 2026 01:00:00 PDT|2026-07-01T08:00:00Z",
            "Mon, 01 Dec 2026 03:00:00 EST|2026-12-01T08:00:00Z",
            "Tue, 01 Dec 26 03:00:00 EST|2026-12-01T08:00:00Z",
            "Tue, 01 Dec 2026 09:00:00 CET|2026-12-01T08:00:00Z"})
    void readsTheFormsFeedsUse(String text, String expected) {
        assertThat(FeedDates.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Tue, 32 Dec 2026 08:00:00 GMT", "01 Foo 2026 08:00:00 GMT", "2026-13-01"})
    void readsNothingIntoWhatIsNoDate(String text) {
        assertThat(FeedDates.parse(text)).isNull();
    }
}
