package dev.pulse.ticker.firing;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.LoggerFactory;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;

/** jobs topic → firing processor (job store, next instants, due index) → job-due, runs-missed, and a dead-letter topic. */
public final class FiringTopology {

    static final String JOBS_STORE = "jobs";
    static final String NEXT_STORE = "next-instants";
    static final String JOB_DUE_SINK = "job-due";
    static final String RUNS_MISSED_SINK = "runs-missed";
    static final String DEAD_LETTER_SINK = "dead-letters";
    private static final String SOURCE = "jobs-source";
    private static final String PROCESSOR = "firing";
    /** Fires and missed runs logged one by one per second; the rest of a second is one summary line. */
    private static final int FIRE_LINES_PER_SECOND = 20;

    private FiringTopology() {
    }

    public static Topology build(FiringSettings settings, ScheduleCalculator calculator, MessageCodec codec, FiringMetrics metrics) {
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), Topics.JOBS.name());
        FireLog fireLog = new FireLog(LoggerFactory.getLogger(FiringProcessor.class), FIRE_LINES_PER_SECOND);
        topology.addProcessor(PROCESSOR, () -> new FiringProcessor(settings, calculator, codec, metrics, fireLog), SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOBS_STORE),
                Serdes.String(), Serdes.ByteArray()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NEXT_STORE),
                Serdes.String(), Serdes.Long()), PROCESSOR);
        topology.addSink(JOB_DUE_SINK, Topics.JOB_DUE.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(RUNS_MISSED_SINK, Topics.RUNS_MISSED.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        topology.addSink(DEAD_LETTER_SINK, ServiceTopics.TICKER.deadLetterFor(Topics.JOBS).name(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), PROCESSOR);
        return topology;
    }
}
