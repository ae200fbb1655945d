package dev.pulse.send.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.pulse.send.delivery.Dispatcher;
import dev.pulse.send.ledger.SendPlan;
import dev.pulse.send.ledger.Sends;
import dev.pulse.send.message.Templates;
import dev.pulse.send.smtp.SmtpUnavailableException;

/**
 * How several instances share one big list: each instance also looks for sends another instance owns
 * and is working on (its heartbeat is recent) and claims rows of their ledgers, like the owner does.
 * Only the owner reports the outcome; a helper just sends. A helper never joins a send whose owner has
 * stopped (paused on an unreachable server, or failed), so a failed execution stays as it was left.
 */
public final class SendHelper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendHelper.class);

    private final Sends sends;
    private final Dispatcher dispatcher;
    private final Templates templates;
    private final RunPolicy policy;
    private volatile Thread thread;

    public SendHelper(Sends sends, Dispatcher dispatcher, Templates templates, RunPolicy policy) {
        this.sends = sends;
        this.dispatcher = dispatcher;
        this.templates = templates;
        this.policy = policy;
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                for (SendPlan plan : sends.active(policy.ownerAlive())) {
                    if (!dispatcher.isWorking(plan.newsletterId())) {
                        dispatcher.work(plan, templates.of(plan), false);
                    }
                }
            } catch (SmtpUnavailableException e) {
                log.info("Not helping with sends for now: {}", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Helping with sends failed; trying again", e);
            }
            try {
                Thread.sleep(policy.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void start() {
        thread = new Thread(this::run, "send-helper");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
