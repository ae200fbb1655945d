package dev.pulse.api;

import org.junit.jupiter.api.Test;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.api.subscriber.SubscriberStatus;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.testsupport.SchemaDomains;
import dev.pulse.testsupport.WithPostgres;

/** The statuses this service writes are the ones the schema accepts. */
@WithPostgres
class StatusSchemaTest {

    @Test
    void executionStatuses() {
        SchemaDomains.assertDomainAcceptsExactly("execution_status", ExecutionStatus.values());
    }

    @Test
    void memberRoles() {
        SchemaDomains.assertDomainAcceptsExactly("member_role", MemberRole.values());
    }

    @Test
    void subscriberStatuses() {
        SchemaDomains.assertDomainAcceptsExactly("subscriber_status", SubscriberStatus.values());
    }
}
