package dev.pulse.scrape.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Every setting of action-scrape; the defaults live in application.yml only, each beside its variable. */
@ConfigurationProperties("pulse.scrape")
record ScrapeProperties(Fetch fetch, Feeds feeds, Run run, Reddit reddit, Youtube youtube) {

    record Fetch(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
            DataSize maxBody, int maxRedirects, int perHost, int maxConnections, Duration maxRetryAfter,
            List<String> allowedNetworks, int maxSummaryLength) {

        Fetch {
            allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        }
    }

    record Feeds(Duration freshness, Duration maxFreshness, Duration failureBackoff, Duration maxFailureBackoff,
            int listingSize) {
    }

    record Run(int selectionFactor, int maxResultItems, int defaultMaxItems, int defaultDaysBack, int parallelSources) {
    }

    record Reddit(URI baseUrl, URI oauthBaseUrl, String clientId, String clientSecret, String userAgent,
            Duration maxRateWait) {
    }

    record Youtube(URI baseUrl) {
    }
}
