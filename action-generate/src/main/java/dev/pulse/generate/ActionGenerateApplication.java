package dev.pulse.generate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ActionGenerateApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActionGenerateApplication.class, args);
    }
}
