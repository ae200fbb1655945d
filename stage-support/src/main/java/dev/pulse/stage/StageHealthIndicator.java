package dev.pulse.stage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;

/** UP while the stage's listener container runs as it should; DOWN once it stopped or a consumer died. */
final class StageHealthIndicator implements HealthIndicator {

    private final MessageListenerContainer container;

    StageHealthIndicator(MessageListenerContainer container) {
        this.container = container;
    }

    @Override
    public Health health() {
        boolean running = container.isRunning() && container.isInExpectedState();
        return (running ? Health.up() : Health.down())
                .withDetail("running", container.isRunning())
                .withDetail("inExpectedState", container.isInExpectedState())
                .withDetail("group", container.getGroupId() == null ? "" : container.getGroupId())
                .build();
    }
}
