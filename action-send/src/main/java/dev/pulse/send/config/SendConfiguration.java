package dev.pulse.send.config;

import java.time.Clock;
import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;
import dev.pulse.send.delivery.Dispatcher;
import dev.pulse.send.delivery.SendMetrics;
import dev.pulse.send.delivery.SendPolicy;
import dev.pulse.send.ledger.Ledger;
import dev.pulse.send.ledger.Sender;
import dev.pulse.send.ledger.Sends;
import dev.pulse.send.message.Templates;
import dev.pulse.send.message.UnsubscribeLinks;
import dev.pulse.send.run.RunPolicy;
import dev.pulse.send.run.SendHelper;
import dev.pulse.send.run.SendStage;
import dev.pulse.send.smtp.SmtpServer;
import dev.pulse.send.smtp.SmtpTimeouts;
import dev.pulse.stage.Stage;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SendProperties.class)
class SendConfiguration {

    /** The topics this service reads and writes; they are created on start and checked by health. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.ACTION_SEND;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SmtpServer smtpServer(MailProperties mail, SendProperties properties) {
        Properties javaMail = new Properties();
        javaMail.putAll(mail.getProperties());
        SendProperties.Timeouts timeouts = properties.timeouts();
        return new SmtpServer(mail.getHost(), mail.getPort() == null ? 25 : mail.getPort(), mail.getProtocol(),
                mail.getUsername(), mail.getPassword(), javaMail, new SmtpTimeouts(timeouts.connect(), timeouts.read(), timeouts.write()));
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(SendProperties properties) {
        SendProperties.Unsubscribe unsubscribe = properties.unsubscribe();
        if (unsubscribe.secret() == null || unsubscribe.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("pulse.send.unsubscribe.secret (PULSE_UNSUBSCRIBE_SECRET) must be set, at least 32 bytes, "
                    + "and the same as scheduler-api's: it signs every unsubscribe link");
        }
        return new UnsubscribeLinks(unsubscribe.apiBaseUrl(), unsubscribe.mailto(), new UnsubscribeTokens(unsubscribe.secret()));
    }

    @Bean
    SendPolicy sendPolicy(SendProperties properties) {
        SendProperties.Pacing pacing = properties.pacing();
        return new SendPolicy(properties.connections(), properties.ratePerSecond(), properties.cap().messages(),
                properties.cap().window(), properties.maxAttempts(), properties.retryBackoff(), properties.maxRetryBackoff(),
                properties.batchSize(), properties.lease(), new SendPolicy.Pacing(pacing.first(), pacing.max(), pacing.hold()));
    }

    @Bean(destroyMethod = "close")
    Dispatcher dispatcher(Ledger ledger, Sends sends, SmtpServer server, UnsubscribeLinks links, SendPolicy policy,
            MeterRegistry registry, Clock clock) {
        return new Dispatcher(ledger, sends, server, links, policy, new SendMetrics(registry), clock);
    }

    @Bean
    Templates templates(SendProperties properties) {
        return new Templates(properties.listIdDomain());
    }

    @Bean
    RunPolicy runPolicy(SendProperties properties) {
        return new RunPolicy(new Sender(properties.sender().address(), properties.sender().name(), null),
                properties.messageIdDomain(), properties.poll(), properties.ownerAlive());
    }

    @Bean
    @ConditionalOnBooleanProperty("pulse.send.help-others")
    SendHelper sendHelper(Sends sends, Dispatcher dispatcher, Templates templates, RunPolicy policy) {
        return new SendHelper(sends, dispatcher, templates, policy);
    }

    @Bean
    Stage stage(SendStage handler) {
        return new Stage(Action.SEND, handler);
    }
}
