package dev.pulse.api.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.json.MalformedMessageException;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.json.UnsupportedSchemaVersionException;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.Topics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The tracker's light reading of the two large messages gives what the full one says, and refuses what it refuses. */
class EventReaderTest {

    private final MessageCodec codec = new MessageCodec();
    private final EventReader reader = new EventReader(codec);
    private final JsonMapper plain = JsonMapper.builder().build();
    private final Events run = new Events(UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-01T08:00:00Z"),
            Action.SCRAPE, Action.GENERATE, Action.SEND);

    @Test
    void aContentScrapedIsReadAsItsItemCountAndSources() {
        var scraped = run.scraped(5, true);
        TrackedEvent event = reader.read(Topics.CONTENT_SCRAPED.name(), 1, 7, codec.encode(scraped));
        assertThat(event.message()).isEqualTo(ScrapeReport.of(scraped));
        assertThat(((ScrapeReport) event.message()).items()).isEqualTo(2);
        assertThat(event.envelope()).isEqualTo(scraped.envelope());
        assertThat(event.offset()).isEqualTo(7);
    }

    @Test
    void aNewsletterGeneratedIsReadWithoutItsBodies() {
        var generated = run.generated(9);
        TrackedEvent event = reader.read(Topics.NEWSLETTER_GENERATED.name(), 0, 3, codec.encode(generated));
        assertThat(event.message()).isEqualTo(GenerateReport.of(generated));
    }

    @Test
    void whatTheFullMessageRefusesIsRefusedWithItsReason() {
        ObjectNode noSubject = (ObjectNode) plain.readTree(codec.encode(run.generated(9)));
        noSubject.remove("subject");
        assertThatThrownBy(() -> reader.read(Topics.NEWSLETTER_GENERATED.name(), 0, 3, plain.writeValueAsBytes(noSubject)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("subject");

        ObjectNode nextVersion = (ObjectNode) plain.readTree(codec.encode(run.scraped(5, false)));
        ((ObjectNode) nextVersion.get("envelope")).put("schema_version", 99);
        assertThatThrownBy(() -> reader.read(Topics.CONTENT_SCRAPED.name(), 0, 3, plain.writeValueAsBytes(nextVersion)))
                .isInstanceOf(UnsupportedSchemaVersionException.class);

        assertThatThrownBy(() -> reader.read(Topics.CONTENT_SCRAPED.name(), 0, 3, "{\"items\": 3}".getBytes()))
                .isInstanceOf(MalformedMessageException.class);
    }
}
