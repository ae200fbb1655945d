package dev.pulse.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;

@Configuration(proxyBeanMethods = false)
class UnsubscribeConfiguration {

    @Bean
    UnsubscribeTokens unsubscribeTokens(ApiProperties properties) {
        return new UnsubscribeTokens(properties.unsubscribeSecret());
    }
}
