package dev.pulse.scrape.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;

/**
 * One ContentScraped per execution, kept whole: a redelivered input gets the very same message back.
 * A replay (another input message) replaces it; two deliveries of one input racing keep the first.
 */
@Repository
class ScrapeResults {

    private final JdbcClient db;
    private final MessageCodec codec;

    ScrapeResults(JdbcClient db, MessageCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    Optional<ContentScraped> answered(Envelope input) {
        return db.sql("SELECT result::text FROM scrape_results WHERE execution_id = ? AND input_message_id = ?")
                .params(input.executionId(), input.messageId()).query(String.class).optional()
                .map(json -> codec.decode(json, ContentScraped.class));
    }

    /** Keeps {@code result} as the answer to {@code input} and returns the kept answer (the first, in a race). */
    ContentScraped keep(Envelope input, ContentScraped result, Instant now) {
        int kept = db.sql("""
                INSERT INTO scrape_results (execution_id, workspace_id, job_id, input_message_id, result, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (execution_id) DO UPDATE
                    SET input_message_id = EXCLUDED.input_message_id, result = EXCLUDED.result,
                        created_at = EXCLUDED.created_at
                    WHERE scrape_results.input_message_id <> EXCLUDED.input_message_id""")
                .params(input.executionId(), input.workspaceId(), input.jobId(), input.messageId(),
                        codec.encodeToString(result), Timestamp.from(now))
                .update();
        return kept == 1 ? result : answered(input).orElseThrow();
    }

}
