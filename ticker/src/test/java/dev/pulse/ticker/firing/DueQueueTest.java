package dev.pulse.ticker.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DueQueueTest {

    private final DueQueue queue = new DueQueue();

    @Test
    void givesEntriesBackEarliestFirstWithTheirJobs() {
        Random random = new Random(42);
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long instant = random.nextInt(1_000);
            UUID job = new UUID(instant, -instant);
            queue.add(instant, job);
            added.add(instant);
        }
        added.sort(null);
        List<Long> polled = new ArrayList<>();
        while (queue.size() > 0) {
            DueQueue.Entry entry = queue.poll();
            assertThat(entry.job()).isEqualTo(new UUID(entry.instant(), -entry.instant()));
            polled.add(entry.instant());
        }
        assertThat(polled).isEqualTo(added);
    }

    @Test
    void saysWhatIsDueWithoutTakingIt() {
        queue.add(300, UUID.randomUUID());
        queue.add(100, UUID.randomUUID());
        queue.add(200, UUID.randomUUID());
        queue.add(100, UUID.randomUUID());

        assertThat(queue.hasDue(99)).isFalse();
        assertThat(queue.hasDue(100)).isTrue();
        assertThat(queue.countDue(99)).isZero();
        assertThat(queue.countDue(100)).isEqualTo(2);
        assertThat(queue.countDue(250)).isEqualTo(3);
        assertThat(queue.countDue(Long.MAX_VALUE)).isEqualTo(4);
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void emptiesAndRefusesToPollNothing() {
        queue.add(1, UUID.randomUUID());
        queue.clear();

        assertThat(queue.size()).isZero();
        assertThat(queue.hasDue(Long.MAX_VALUE)).isFalse();
        assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class);
    }
}
