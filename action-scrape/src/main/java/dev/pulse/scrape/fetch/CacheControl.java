package dev.pulse.scrape.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one Cache-Control directive the scraper uses: how long the server says the document stays fresh. */
final class CacheControl {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-)?max-age\\s*=\\s*\"?(\\d{1,9})");

    private CacheControl() {
    }

    static Duration maxAge(Map<String, String> headers) {
        String value = headers.get("cache-control");
        if (value == null || value.toLowerCase(Locale.ROOT).contains("no-store")) {
            return null;
        }
        Matcher m = MAX_AGE.matcher(value.toLowerCase(Locale.ROOT));
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }
}
