package dev.pulse.generate.config;

import java.net.URI;
import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.generate.compose.ComposeSettings;
import dev.pulse.generate.compose.Composer;
import dev.pulse.generate.llm.LlmSettings;
import dev.pulse.generate.llm.Rewriter;
import dev.pulse.generate.render.NewsletterRenderer;
import dev.pulse.generate.run.GenerateStage;
import dev.pulse.generate.run.RunPolicy;
import dev.pulse.stage.Stage;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GenerateProperties.class)
class GenerateConfiguration {

    /** The topics this service reads and writes; they are created on start and checked by health. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.ACTION_GENERATE;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Composer composer(GenerateProperties properties) {
        return new Composer(new ComposeSettings(properties.defaultMaxItems(), properties.perSource(),
                properties.halfLife(), properties.summaryLength()));
    }

    @Bean
    NewsletterRenderer newsletterRenderer() {
        return new NewsletterRenderer();
    }

    @Bean
    Rewriter rewriter(GenerateProperties properties, JsonMapper json) {
        GenerateProperties.Llm llm = properties.llm();
        URI base = llm.baseUrl() == null || llm.baseUrl().isBlank() ? null : URI.create(llm.baseUrl().strip());
        return new Rewriter(new LlmSettings(base, llm.model(), llm.apiKey(), llm.timeout()), json,
                properties.summaryLength());
    }

    @Bean
    RunPolicy runPolicy(GenerateProperties properties) {
        return new RunPolicy(properties.usedWindow(), properties.defaultDaysBack(), properties.storedItems());
    }

    @Bean
    Stage stage(GenerateStage handler) {
        return new Stage(Action.GENERATE, handler);
    }
}
