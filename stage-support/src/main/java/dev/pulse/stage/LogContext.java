package dev.pulse.stage;

import org.slf4j.MDC;

import dev.pulse.contracts.messages.Envelope;

/** {@code execution_id}, {@code job_id} and {@code stage} on every log line written while it is open. */
final class LogContext implements AutoCloseable {

    private LogContext(Envelope envelope, String stage) {
        MDC.put("execution_id", String.valueOf(envelope.executionId()));
        MDC.put("job_id", String.valueOf(envelope.jobId()));
        MDC.put("stage", stage);
    }

    static LogContext of(Envelope envelope, String stage) {
        return new LogContext(envelope, stage);
    }

    @Override
    public void close() {
        MDC.remove("execution_id");
        MDC.remove("job_id");
        MDC.remove("stage");
    }
}
