package dev.pulse.send;

import org.junit.jupiter.api.Test;

import dev.pulse.send.delivery.DeliveryStatus;
import dev.pulse.testsupport.SchemaDomains;
import dev.pulse.testsupport.WithPostgres;

/** The statuses this service writes are the ones the schema accepts. */
@WithPostgres
class StatusSchemaTest {

    @Test
    void deliveryStatuses() {
        SchemaDomains.assertDomainAcceptsExactly("delivery_status", DeliveryStatus.values());
    }
}
