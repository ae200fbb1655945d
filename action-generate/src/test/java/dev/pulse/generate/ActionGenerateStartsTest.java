package dev.pulse.generate;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.testsupport.ServiceStartsContract;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

@WithKafka
@WithPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ActionGenerateStartsTest extends ServiceStartsContract {

    @LocalServerPort
    int port;

    ActionGenerateStartsTest() {
        super(ServiceTopics.ACTION_GENERATE, "kafka", "db");
    }

    @Override
    protected int port() {
        return port;
    }
}
