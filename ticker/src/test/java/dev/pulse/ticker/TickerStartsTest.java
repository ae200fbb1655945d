package dev.pulse.ticker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.testsupport.ServiceStartsContract;
import dev.pulse.testsupport.WithKafka;

@WithKafka
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pulse.ticker.state-dir=target/ticker-state-${random.uuid}")
class TickerStartsTest extends ServiceStartsContract {

    @LocalServerPort
    int port;

    TickerStartsTest() {
        super(ServiceTopics.TICKER, "kafka", "streams");
    }

    @Override
    protected int port() {
        return port;
    }
}
