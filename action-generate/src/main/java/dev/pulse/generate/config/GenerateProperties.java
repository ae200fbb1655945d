package dev.pulse.generate.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every setting of action-generate; the defaults live in application.yml only. */
@ConfigurationProperties("pulse.generate")
record GenerateProperties(int defaultMaxItems, int perSource, Duration halfLife, int summaryLength, Duration usedWindow,
        int defaultDaysBack, int storedItems, Llm llm) {

    /** An OpenAI-compatible endpoint; an empty base URL means no model. */
    record Llm(String baseUrl, String model, String apiKey, Duration timeout) {
    }
}
