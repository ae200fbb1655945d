package dev.pulse.scrape;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ActionScrapeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActionScrapeApplication.class, args);
    }
}
