package dev.pulse.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.testsupport.ServiceStartsContract;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

@WithKafka
@WithPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {TestSecrets.JWT_PROPERTY, TestSecrets.UNSUBSCRIBE_PROPERTY})
class SchedulerApiStartsTest extends ServiceStartsContract {

    @LocalServerPort
    int port;

    SchedulerApiStartsTest() {
        super(ServiceTopics.SCHEDULER_API, "kafka", "db");
    }

    @Override
    protected int port() {
        return port;
    }
}
