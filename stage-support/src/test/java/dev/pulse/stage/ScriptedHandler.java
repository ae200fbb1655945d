package dev.pulse.stage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;

import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.PulseMessage;

/**
 * The test stage's work: what it does for an execution is scripted by the test beforehand; what it
 * produced is kept per execution, so a redelivered input gets the same event back, as the handler
 * contract asks.
 */
final class ScriptedHandler implements StageHandler {

    enum Script {
        SUCCEED, FAIL_TWICE_THEN_SUCCEED, FAIL_PERMANENTLY, FAIL_ALWAYS, FAIL_ALWAYS_NAMED, SLOW
    }

    private final Map<UUID, Script> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, NewsletterGenerated> produced = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<UUID, String> mdcExecution = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final String subject;

    ScriptedHandler(String subject) {
        this.subject = subject;
    }

    void script(UUID execution, Script script) {
        scripts.put(execution, script);
    }

    int calls(UUID execution) {
        AtomicInteger count = calls.get(execution);
        return count == null ? 0 : count.get();
    }

    String executionInLogContext(UUID execution) {
        return mdcExecution.get(execution);
    }

    @Override
    public PulseMessage handle(StageInput input) {
        UUID execution = input.executionId();
        int call = calls.computeIfAbsent(execution, e -> new AtomicInteger()).incrementAndGet();
        mdcExecution.put(execution, String.valueOf(MDC.get("execution_id")));
        switch (scripts.getOrDefault(execution, Script.SUCCEED)) {
            case FAIL_TWICE_THEN_SUCCEED -> {
                if (call <= 2) {
                    throw new IllegalStateException("the database is away (call " + call + ")");
                }
            }
            case FAIL_PERMANENTLY -> throw new PermanentStageFailure("NOTHING_TO_SEND", "the workspace has nothing to send");
            case FAIL_ALWAYS -> throw new IllegalStateException("the mail server is away");
            case FAIL_ALWAYS_NAMED -> throw new RetryableStageFailure("SMTP_UNAVAILABLE", "the mail server is away", null);
            case SLOW -> sleep(20);
            case SUCCEED -> {
            }
        }
        return produced.computeIfAbsent(execution, e -> new NewsletterGenerated(input.reply(clock.instant()),
                StageInput.derivedId(e, "newsletter"), subject, "<p>hi</p>", "hi", 0, List.of(), false, null));
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
