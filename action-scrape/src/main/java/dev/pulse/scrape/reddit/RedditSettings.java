package dev.pulse.scrape.reddit;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom Reddit is read. With {@code clientId} and {@code clientSecret} listings go through
 * app-only OAuth on {@code oauthBaseUrl}; without, through the public JSON on {@code baseUrl}.
 * {@code userAgent} must be in Reddit's form {@code <platform>:<app id>:<version> (by /u/<user>)};
 * {@code maxRateWait} is the longest a listing waits for Reddit's rate-limit window to reset.
 */
public record RedditSettings(URI baseUrl, URI oauthBaseUrl, String clientId, String clientSecret, String userAgent,
        Duration maxRateWait) {

    boolean oauth() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }
}
