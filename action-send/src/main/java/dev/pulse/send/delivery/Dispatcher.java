package dev.pulse.send.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.pulse.send.ledger.Delivery;
import dev.pulse.send.ledger.Ledger;
import dev.pulse.send.ledger.SendPlan;
import dev.pulse.send.ledger.Sends;
import dev.pulse.send.message.MessageTemplate;
import dev.pulse.send.message.UnsubscribeLinks;
import dev.pulse.send.smtp.SmtpConnection;
import dev.pulse.send.smtp.SmtpReply;
import dev.pulse.send.smtp.SmtpServer;
import dev.pulse.send.smtp.SmtpUnavailableException;

/**
 * This instance's senders: a fixed set of SMTP connections, each reused for message after message,
 * working claimed rows of the ledger. Each row's outcome is written as soon as the server answers, so
 * a crash can repeat at most the messages in flight, one per connection.
 */
public final class Dispatcher implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Ledger ledger;
    private final Sends sends;
    private final SmtpServer server;
    private final UnsubscribeLinks links;
    private final SendPolicy policy;
    private final SendMetrics metrics;
    private final Clock clock;
    private final UUID instance = UUID.randomUUID();
    private final ExecutorService lanes;
    private final BlockingQueue<SmtpConnection> connections;
    private final RateLimiter rate;
    private final DomainPacing pacing;
    private final Set<UUID> working = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public Dispatcher(Ledger ledger, Sends sends, SmtpServer server, UnsubscribeLinks links, SendPolicy policy,
            SendMetrics metrics, Clock clock) {
        this.ledger = ledger;
        this.sends = sends;
        this.server = server;
        this.links = links;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
        this.rate = new RateLimiter(policy.ratePerSecond());
        this.pacing = new DomainPacing(policy.pacing());
        this.connections = new ArrayBlockingQueue<>(policy.connections());
        for (int i = 0; i < policy.connections(); i++) {
            connections.add(server.connection());
        }
        this.lanes = Executors.newFixedThreadPool(policy.connections(), runnable -> {
            Thread thread = new Thread(runnable, "smtp-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends every row of the send that can be claimed now, and returns when none can (all done, claimed
     * by others, waiting for a retry, or held by the cap: a claim never takes the cap's window past it). The owner of the send renews its heartbeat
     * with every batch, so helpers know it is alive.
     */
    public void work(SendPlan plan, MessageTemplate template, boolean owner) throws SmtpUnavailableException {
        working.add(plan.newsletterId());
        try {
            while (true) {
                if (!running) {
                    throw new IllegalStateException("action-send is stopping; the rest of the list is sent after the restart");
                }
                if (owner) {
                    sends.heartbeat(plan.newsletterId());
                }
                List<Delivery> batch = policy.capMessages() > 0
                        ? ledger.claimWithin(policy.capMessages(), policy.capWindow(), plan.newsletterId(), instance,
                                policy.batchSize(), policy.lease())
                        : ledger.claim(plan.newsletterId(), instance, policy.batchSize(), policy.lease());
                if (batch.isEmpty()) {
                    return;
                }
                dispatch(template, batch);
            }
        } finally {
            working.remove(plan.newsletterId());
        }
    }

    /** Whether this instance is sending the newsletter right now. */
    public boolean isWorking(UUID newsletterId) {
        return working.contains(newsletterId);
    }

    private void dispatch(MessageTemplate template, List<Delivery> batch) throws SmtpUnavailableException {
        Queue<Delivery> queue = new ConcurrentLinkedQueue<>(batch);
        AtomicReference<SmtpUnavailableException> down = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(policy.connections(), batch.size()); i++) {
            running.add(lanes.submit(() -> lane(template, queue, down)));
        }
        // a batch can outlast the lease (a slow server, a low rate): its claims are renewed while it runs
        long renewEvery = Math.max(100, policy.lease().toMillis() / 3);
        try {
            for (Future<?> lane : running) {
                while (true) {
                    try {
                        lane.get(renewEvery, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        ledger.renew(batch, instance);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sender failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            // what no lane took (the server went away, or a lane failed) goes back untried
            List<Delivery> untried = new ArrayList<>(queue);
            ledger.release(untried, clock.instant());
        }
        if (down.get() != null) {
            throw down.get();
        }
    }

    private Void lane(MessageTemplate template, Queue<Delivery> queue, AtomicReference<SmtpUnavailableException> down)
            throws InterruptedException {
        SmtpConnection connection = connections.take();
        try {
            Delivery delivery;
            while (running && down.get() == null && (delivery = queue.poll()) != null) {
                try {
                    deliver(connection, template, delivery);
                } catch (SmtpUnavailableException e) {
                    ledger.release(List.of(delivery), clock.instant());
                    down.compareAndSet(null, e);
                }
            }
        } finally {
            connections.add(connection);
        }
        return null;
    }

    private void deliver(SmtpConnection connection, MessageTemplate template, Delivery delivery) throws SmtpUnavailableException {
        InternetAddress address;
        try {
            address = new InternetAddress(delivery.email(), true);
        } catch (AddressException e) {
            ledger.failed(delivery, 0, "Not a valid address: " + e.getMessage(), false);
            metrics.count(SendMetrics.Outcome.FAILED);
            return;
        }
        String domain = DomainPacing.domainOf(delivery.email());
        Duration wait = pacing.reserve(domain);
        if (wait.compareTo(policy.pacing().hold()) > 0) {
            ledger.release(List.of(delivery), clock.instant().plus(wait));
            return;
        }
        pause(wait);
        rate.acquire();
        SmtpReply reply = connection.send(template.message(server.session(),
                links.recipient(address, delivery.messageId(), delivery.subscriberId())), address);
        record(delivery, domain, reply);
    }

    private void record(Delivery delivery, String domain, SmtpReply reply) {
        boolean lastTry = delivery.attempts() >= policy.maxAttempts();
        if (reply instanceof SmtpReply.Accepted) {
            ledger.sent(delivery);
            pacing.accepted(domain);
            metrics.count(SendMetrics.Outcome.SENT);
        } else if (reply instanceof SmtpReply.Deferred deferred) {
            pacing.deferred(domain);
            if (lastTry) {
                ledger.failed(delivery, deferred.code(), deferred.text(), true);
                metrics.count(SendMetrics.Outcome.FAILED);
            } else {
                ledger.deferred(delivery, deferred.code(), deferred.text(), clock.instant().plus(policy.backoff(delivery.attempts())));
                metrics.count(SendMetrics.Outcome.DEFERRED);
            }
        } else if (reply instanceof SmtpReply.Rejected rejected) {
            ledger.bounced(delivery, rejected.code(), rejected.text());
            metrics.count(SendMetrics.Outcome.BOUNCED);
        } else if (reply instanceof SmtpReply.Lost lost) {
            metrics.count(lost.ambiguous() ? SendMetrics.Outcome.AMBIGUOUS : SendMetrics.Outcome.LOST);
            log.info("Connection lost {} the final dot of {}: {}", lost.ambiguous() ? "after" : "before", delivery.messageId(), lost.text());
            if (lastTry) {
                ledger.failed(delivery, 0, "Connection lost: " + lost.text(), false);
                metrics.count(SendMetrics.Outcome.FAILED);
            } else {
                ledger.lost(delivery, lost.ambiguous(), lost.text());
            }
        }
    }

    private static void pause(Duration wait) {
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis(), (int) (wait.toNanosPart() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stops before the stage's consumers do (a higher phase): each connection finishes the message in
     * hand and its outcome is written, the rest of the claimed rows go back to the ledger, and the
     * send in hand ends with an error, so its input is not committed and the next instance goes on.
     */
    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void close() {
        running = false;
        lanes.shutdown();
        try {
            lanes.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(SmtpConnection::close);
    }
}
