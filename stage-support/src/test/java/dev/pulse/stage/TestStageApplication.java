package dev.pulse.stage;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;

/**
 * A small stage on the runtime, as an action service declares one: the generate stage, scripted. (No
 * component scan, so the other test stage in this package stays out of it.)
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestStageApplication {

    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.ACTION_GENERATE;
    }

    @Bean
    ScriptedHandler scriptedHandler() {
        return new ScriptedHandler("from the test stage");
    }

    @Bean
    Stage stage(ScriptedHandler handler) {
        return new Stage(Action.GENERATE, handler);
    }
}
