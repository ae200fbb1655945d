package dev.pulse.generate.render;

import java.net.URI;
import java.util.Locale;

/** Only http(s) URLs become links; anything else ({@code javascript:}, {@code data:}, garbage) is no link. */
final class SafeLinks {

    private SafeLinks() {
    }

    static String http(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
