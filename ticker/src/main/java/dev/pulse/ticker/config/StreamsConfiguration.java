package dev.pulse.ticker.config;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.ticker.firing.FiringSettings;
import dev.pulse.ticker.firing.FiringTopology;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka Streams with exactly_once_v2: the JobDue records of a punctuation and the store updates that
 * advance each job commit in one transaction, and an instance that lost its partitions is fenced.
 * Each instance owns some partitions of the jobs topic; the application id is the consumer group.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TickerProperties.class)
class StreamsConfiguration {

    @Bean
    ThreadFailures threadFailures(TickerProperties ticker) {
        return new ThreadFailures(ticker.threadFailures().tolerated(), ticker.threadFailures().window(), Clock.systemUTC());
    }

    @Bean
    TickerStreams tickerStreams(KafkaProperties kafka, TickerProperties ticker, MessageCodec codec, MeterRegistry registry,
            ThreadFailures failures) {
        FiringSettings settings = FiringSettings.of(ticker.tick(), ticker.defaultMisfireGrace());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, ServiceTopics.TICKER.consumerGroup());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, ticker.stateDir().toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, ticker.streamThreads());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        // Wall-clock punctuation cannot run while the thread waits in poll: wait no longer than a tick.
        config.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, ticker.tick().toMillis()));
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        config.put(BoundedRocksDbMemory.MEMORY_BYTES, ticker.rocksDbMemory().toBytes());
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 100);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
        // A killed instance's partitions move after 10 s; a stopped one hands them over at once.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        config.put("internal.leave.group.on.close", true);
        // One topology and one fire-metrics binding, whichever streams instance the supervisor runs.
        Topology topology = FiringTopology.build(settings, new ScheduleCalculator(), codec, new MicrometerFiringMetrics(registry));
        Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG),
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        // The streams client's own metrics, its consumers' records-lag among them, are bound to /actuator/prometheus
        // for each streams instance the supervisor starts.
        return new TickerStreams(() -> new KafkaStreams(topology, config),
                TickerStreams.SourceTopics.on(admin, Set.of(Topics.JOBS.name())), failures, registry);
    }

    /** The {@code streams} health contributor: see {@link StreamsHealth}. */
    @Bean
    HealthIndicator streamsHealthIndicator(TickerStreams streams, ThreadFailures failures) {
        return new StreamsHealth(streams::state, streams::waitingFor, failures);
    }
}
