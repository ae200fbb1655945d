package dev.pulse.stage;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;

/**
 * A test stage run as its own process, so it can be killed with SIGKILL or stopped with SIGTERM: its
 * own consumer group ({@code stage.test.group}), a handler that takes {@code stage.test.millis} per input (or
 * {@code stage.test.slow-millis} for the execution named by {@code stage.test.slow-execution}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProcessStageApplication {

    static final String GROUP = "process-test-stage";
    static final String SUBJECT = "from the process stage";

    public static void main(String[] args) {
        SpringApplication.run(ProcessStageApplication.class, args);
    }

    @Bean
    ServiceTopics serviceTopics(org.springframework.core.env.Environment env) {
        return new ServiceTopics(env.getProperty("stage.test.group", GROUP), List.of(Topics.JOB_DUE, Topics.CONTENT_SCRAPED),
                List.of(Topics.NEWSLETTER_GENERATED, Topics.ACTION_FAILED));
    }

    @Bean
    Stage stage(org.springframework.core.env.Environment env) {
        long millis = env.getProperty("stage.test.millis", Long.class, 50L);
        long slowMillis = env.getProperty("stage.test.slow-millis", Long.class, 0L);
        String slowExecution = env.getProperty("stage.test.slow-execution", "");
        return new Stage(Action.GENERATE, input -> {
            sleep(input.executionId().toString().equals(slowExecution) ? slowMillis : millis);
            return new NewsletterGenerated(input.reply(Clock.systemUTC().instant()),
                    StageInput.derivedId(input.executionId(), "newsletter"), SUBJECT, "<p>hi</p>", "hi", 0, java.util.List.of(),
                    false, null);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
