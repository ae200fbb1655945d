package dev.pulse.send;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ActionSendApplication {

    public static void main(String[] args) {
        SpringApplication.run(ActionSendApplication.class, args);
    }
}
