package dev.pulse.send;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.pulse.contracts.topics.ServiceTopics;

@SpringBootApplication
public class ActionSendApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActionSendApplication.class, args);
    }

    /** The topics this service reads and writes; they are created on start and checked by health. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.ACTION_SEND;
    }
}
