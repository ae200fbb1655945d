package dev.pulse.api;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.pulse.api.auth.MintTokenCommand;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import dev.pulse.contracts.topics.ServiceTopics;

@SpringBootApplication
@EnableScheduling
public class SchedulerApiApplication {

    public static void main(String[] args) {
        if (args.length > 0 && MintTokenCommand.NAME.equals(args[0])) {
            MintTokenCommand.run(args);
            return;
        }
        SpringApplication.run(SchedulerApiApplication.class, args);
    }

    /** The topics this service reads and writes; they are created on start and checked by health. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.SCHEDULER_API;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ScheduleCalculator scheduleCalculator() {
        return new ScheduleCalculator();
    }
}
