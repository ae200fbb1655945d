package dev.pulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.pulse.contracts.json.MalformedMessageException;
import dev.pulse.contracts.json.MessageCodec;

/** The codec's own instant reader agrees with java.time on every form, and leaves the rest to Jackson. */
class InstantReadingTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void everyInstantWrittenReadsBackEqual() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(read(codec.toJson(instant))).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-01T08:00:00Z, 2026-12-01T08:00:00Z",
            "2026-12-01T24:00:00Z, 2026-12-02T00:00:00Z",
            "2026-12-01T08:00:00.5Z, 2026-12-01T08:00:00.500Z",
            "2026-12-01T08:00:00.12Z, 2026-12-01T08:00:00.120Z",
            "2024-02-29T23:59:59.123456789Z, 2024-02-29T23:59:59.123456789Z",
            "2026-12-01T09:00:00+01:00, 2026-12-01T08:00:00Z",
            "2026-12-01T08:00:00.250-02:30, 2026-12-01T10:30:00.250Z",
    })
    void theFormsJacksonReadsStillRead(String written, String expected) {
        assertThat(read("\"" + written + "\"")).isEqualTo(Instant.parse(expected));
    }

    @Test
    void epochNumbersStillRead() {
        assertThat(read("1764576000")).isEqualTo(Instant.ofEpochSecond(1764576000));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-30T08:00:00Z", "2026-13-01T08:00:00Z", "2026-12-01 08:00:00Z", "2026-12-01T08:00:0xZ", "tomorrow"})
    void impossibleInstantsAreRefused(String written) {
        assertThatThrownBy(() -> read("\"" + written + "\"")).isInstanceOf(MalformedMessageException.class);
    }

    private Instant read(String json) {
        return codec.fromJson(json, Instant.class);
    }
}
