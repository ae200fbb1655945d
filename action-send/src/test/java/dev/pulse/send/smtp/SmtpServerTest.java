package dev.pulse.send.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.Properties;

import javax.net.SocketFactory;

import org.junit.jupiter.api.Test;

/** The client's sockets: Nagle off, and none of JavaMail's infinite defaults left. */
class SmtpServerTest {

    @Test
    void everySocketHasNagleOff() throws Exception {
        try (Socket socket = new NoDelaySocketFactory(SocketFactory.getDefault()).createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void theSessionHasTimeoutsAndTheNoDelaySocketsWhateverTheDeploymentSets() {
        Properties deployment = new Properties();
        deployment.put("mail.smtp.timeout", "0"); // infinite: Pulse's own setting wins
        deployment.put("mail.smtp.starttls.enable", "true");
        SmtpServer server = new SmtpServer("mail.example", 587, "smtp", "", "ignored", deployment,
                new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(20)));
        Properties session = server.session().getProperties();

        assertThat(session.getProperty("mail.smtp.connectiontimeout")).isEqualTo("5000");
        assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("15000");
        assertThat(session.getProperty("mail.smtp.writetimeout")).isEqualTo("20000");
        assertThat(session.get("mail.smtp.socketFactory")).isInstanceOf(NoDelaySocketFactory.class);
        assertThat(session.getProperty("mail.smtp.starttls.enable")).as("the deployment's own settings stay").isEqualTo("true");
        assertThat(session.getProperty("mail.smtp.auth")).as("an empty user name means no login").isEqualTo("false");
        assertThat(server.username()).isNull();
        assertThat(server.password()).isNull();
    }
}
