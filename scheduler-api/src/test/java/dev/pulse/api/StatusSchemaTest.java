package dev.pulse.api;

import org.junit.jupiter.api.Test;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.api.subscriber.SubscriberStatus;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.ScheduleType;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.testsupport.SchemaDomains;
import dev.pulse.testsupport.WithPostgres;

/** The statuses, roles and names this service writes through its enums are the ones the schema accepts. */
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
    void jobStatusesScheduleTypesTriggersAndActions() {
        SchemaDomains.assertDomainAcceptsExactly("job_status", JobStatus.values());
        SchemaDomains.assertDomainAcceptsExactly("schedule_type", ScheduleType.values());
        SchemaDomains.assertDomainAcceptsExactly("execution_trigger", Trigger.values());
        SchemaDomains.assertDomainAcceptsExactly("pipeline_action", Action.values());
        SchemaDomains.assertDomainAcceptsExactly("source_type", SourceType.values());
    }

    @Test
    void subscriberStatuses() {
        SchemaDomains.assertDomainAcceptsExactly("subscriber_status", SubscriberStatus.values());
    }
}
