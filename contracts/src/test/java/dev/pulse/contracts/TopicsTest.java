package dev.pulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.topics.CleanupPolicy;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;

class TopicsTest {

    @Test
    void jobsTopicIsCompactedAndKeyedByJob() {
        assertThat(Topics.JOBS.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
        assertThat(Topics.JOBS.keyedBy()).isEqualTo("job_id");
        assertThat(Topics.JOBS.retention()).isNull();
    }

    @Test
    void pipelineTopicsKeepAnExecutionTogether() {
        List<Topic> pipeline = Topics.all().stream().filter(t -> t != Topics.JOBS).toList();
        assertThat(pipeline).allSatisfy(topic -> {
            assertThat(topic.keyedBy()).isEqualTo("execution_id");
            assertThat(topic.partitions()).isEqualTo(Topics.PIPELINE_PARTITIONS);
            assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
        });
    }

    @Test
    void everyMessageKindHasExactlyOneTopic() {
        assertThat(Topics.all()).extracting(Topic::messageType).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    }

    @Test
    void deadLetterTopicsAreNamedPerConsumerGroup() {
        Topic scrape = ServiceTopics.ACTION_SCRAPE.deadLetterFor(Topics.JOB_DUE);
        Topic generate = ServiceTopics.ACTION_GENERATE.deadLetterFor(Topics.JOB_DUE);
        assertThat(scrape.name()).isEqualTo("pulse.job-due.action-scrape.dlt");
        assertThat(generate.name()).isEqualTo("pulse.job-due.action-generate.dlt");
        assertThat(scrape.partitions()).isEqualTo(Topics.JOB_DUE.partitions());
        assertThat(scrape.retention()).isEqualTo(Topics.DEAD_LETTER_RETENTION);
    }

    @Test
    void noDeadLetterForATopicTheGroupDoesNotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceTopics.ACTION_SCRAPE.deadLetterFor(Topics.CONTENT_SCRAPED));
    }

    @Test
    void groupsAreDistinctAndEveryTopicIsWrittenAndRead() {
        assertThat(ServiceTopics.all()).extracting(ServiceTopics::consumerGroup).doesNotHaveDuplicates();
        Set<Topic> written = new HashSet<>();
        Set<Topic> read = new HashSet<>();
        ServiceTopics.all().forEach(s -> {
            written.addAll(s.produces());
            read.addAll(s.consumes());
        });
        assertThat(written).containsAll(Topics.all());
        assertThat(read).containsAll(Topics.all());
    }

    @Test
    void aServiceCreatesWhatItReadsWritesAndItsDeadLetters() {
        assertThat(ServiceTopics.ACTION_SEND.topicsToCreate()).extracting(Topic::name).containsExactlyInAnyOrder(
                "pulse.job-due", "pulse.newsletter-generated", "pulse.newsletter-sent", "pulse.action-failed",
                "pulse.job-due.action-send.dlt", "pulse.newsletter-generated.action-send.dlt");
    }
}
