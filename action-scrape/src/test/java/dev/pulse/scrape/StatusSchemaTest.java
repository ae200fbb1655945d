package dev.pulse.scrape;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.testsupport.SchemaDomains;
import dev.pulse.testsupport.WithPostgres;

/** The statuses this service writes are the ones the schema accepts. */
@WithPostgres
class StatusSchemaTest {

    @Test
    void fetchOutcomes() {
        SchemaDomains.assertDomainAcceptsExactly("fetch_outcome", SourceOutcome.values());
    }
}
