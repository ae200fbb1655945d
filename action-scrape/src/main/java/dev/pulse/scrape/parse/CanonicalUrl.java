package dev.pulse.scrape.parse;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The form of an article's URL that two feeds linking the same article agree on: absolute (resolved
 * against the document's base), http or https only, lower-case scheme and host, no default port, no
 * fragment, and no tracking parameters (utm_*, fbclid and their kind).
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "vero_id", "ref_src", "spm", "_ga", "twclid", "li_fat_id");

    private CanonicalUrl() {
    }

    /** The canonical form of {@code href} read in a document at {@code base}, or null if it is no web URL. */
    public static String of(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI parsed = parseLeniently(href.trim());
            URI absolute = base == null ? parsed : base.resolve(parsed);
            String scheme = absolute.getScheme() == null ? null : absolute.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || absolute.getHost() == null) {
                return null;
            }
            int port = absolute.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            StringBuilder url = new StringBuilder(scheme).append("://");
            if (absolute.getRawUserInfo() != null) {
                url.append(absolute.getRawUserInfo()).append('@');
            }
            url.append(absolute.getHost().toLowerCase(Locale.ROOT));
            if (!defaultPort) {
                url.append(':').append(port);
            }
            String path = absolute.getRawPath();
            url.append(path == null || path.isEmpty() ? "/" : URI.create("x:" + path).normalize().getRawSchemeSpecificPart());
            String query = withoutTracking(absolute.getRawQuery());
            if (!query.isEmpty()) {
                url.append('?').append(query);
            }
            return url.toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static URI parseLeniently(String href) throws URISyntaxException {
        try {
            return new URI(href);
        } catch (URISyntaxException e) {
            // what browsers accept and java.net.URI does not: spaces, |, ^, {, } and such left unencoded
            StringBuilder escaped = new StringBuilder();
            for (char c : href.toCharArray()) {
                if (c <= ' ' || "\"<>\\^`{|}".indexOf(c) >= 0 || c > 126) {
                    for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                        escaped.append('%').append(String.format("%02X", b & 0xff));
                    }
                } else {
                    escaped.append(c);
                }
            }
            return new URI(escaped.toString());
        }
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
