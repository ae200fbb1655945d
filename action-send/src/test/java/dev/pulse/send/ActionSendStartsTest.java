package dev.pulse.send;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.testsupport.ServiceStartsContract;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

@WithKafka
@WithPostgres
// closed after the class: a cached context's consumers would stay in the action-send group
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class ActionSendStartsTest extends ServiceStartsContract {

    /** A real SMTP server: the mail health check connects to it. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort
    int port;

    ActionSendStartsTest() {
        super(ServiceTopics.ACTION_SEND, "kafka", "db", "mail");
    }

    @Override
    protected int port() {
        return port;
    }
}
