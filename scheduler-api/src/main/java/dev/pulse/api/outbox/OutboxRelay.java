package dev.pulse.api.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them published. One relay works at a
 * time across all API instances (a transaction-scoped advisory lock), so the rows of one job — written
 * in version order, since each change locks the job row — reach Kafka in version order. A crash after
 * publishing but before marking republishes the batch: at-least-once, which readers tolerate because
 * they ignore versions they already hold.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transactions;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    OutboxRelay(OutboxRepository outbox, KafkaTemplate<String, byte[]> kafka, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onWritten(OutboxWritten written) {
        wakeUp.release();
    }

    @Override
    public synchronized void start() {
        if (worker == null) {
            Thread thread = new Thread(this::run, "outbox-relay");
            thread.setDaemon(true);
            worker = thread;
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        while (worker == Thread.currentThread()) {
            try {
                if (relayBatch() < BATCH) {
                    wakeUp.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed; retrying in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many rows it published. */
    int relayBatch() {
        Integer published = transactions.execute(status -> {
            if (!outbox.lockRelay()) {
                return 0;
            }
            List<OutboxRepository.OutboxRow> rows = outbox.unpublished(BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (OutboxRepository.OutboxRow row : rows) {
                sends.add(kafka.send(row.topic(), row.messageKey(), row.payload()));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
            outbox.markPublished(rows);
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    /** Published rows are kept a day for inspection, then removed. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void removePublished() {
        outbox.removePublishedBeforeADayAgo();
    }
}
