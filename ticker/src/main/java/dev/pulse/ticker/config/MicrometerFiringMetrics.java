package dev.pulse.ticker.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.pulse.ticker.firing.FiringMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code pulse.ticker.fire.lag} (publish time minus nominal instant, with a histogram),
 * {@code pulse.ticker.runs.missed}, and per partition {@code pulse.ticker.jobs.held} and
 * {@code pulse.ticker.due.backlog}.
 */
final class MicrometerFiringMetrics implements FiringMetrics {

    private final MeterRegistry registry;
    private final Timer lag;
    private final Counter missed;
    private final Map<Integer, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> held = new ConcurrentHashMap<>();

    MicrometerFiringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("pulse.ticker.fire.lag").description("JobDue publish time minus the nominal instant")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.missed = Counter.builder("pulse.ticker.runs.missed").description("Instants reported missed").register(registry);
    }

    @Override
    public void fired(Duration duration) {
        lag.record(duration);
    }

    @Override
    public void missed() {
        missed.increment();
    }

    @Override
    public void backlog(int partition, long entries) {
        gauge(backlog, "pulse.ticker.due.backlog", partition).set(entries);
    }

    @Override
    public void jobsHeld(int partition, long jobs) {
        gauge(held, "pulse.ticker.jobs.held", partition).set(jobs);
    }

    private AtomicLong gauge(Map<Integer, AtomicLong> values, String name, int partition) {
        return values.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("partition", Integer.toString(p)).register(registry);
            return value;
        });
    }
}
