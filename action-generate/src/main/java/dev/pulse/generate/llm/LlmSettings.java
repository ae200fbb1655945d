package dev.pulse.generate.llm;

import java.net.URI;
import java.time.Duration;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code baseUrl} such as https://api.openai.com/v1,
 * http://localhost:11434/v1 for Ollama, or a vLLM server), its model and key; no base URL, no LLM.
 */
public record LlmSettings(URI baseUrl, String model, String apiKey, Duration timeout) {

    public boolean configured() {
        return baseUrl != null && !baseUrl.toString().isBlank();
    }
}
