package dev.pulse.scrape.parse;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of an article's URL that two feeds linking the same article agree on: absolute (resolved
 * against the document's base), http or https only, lower-case scheme and host, no default port, no
 * fragment, and no tracking parameters (utm_*, fbclid and their kind).
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "mc_cid", "mc_eid", "igshid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "vero_id", "ref_src", "spm", "_ga", "twclid", "li_fat_id");

    private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:@]+)");
    private static final Pattern LOOSE_HOST = Pattern.compile("(?:[^@]*@)?([A-Za-z0-9._~-]+)(?::([0-9]{1,5}))?");

    private CanonicalUrl() {
    }

    /** The canonical form of {@code href} read in a document at {@code base}, or null if it is no web URL. */
    public static String of(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI parsed = parseLeniently(ascii(href.trim()));
            URI absolute = base == null ? parsed : base.resolve(parsed);
            String scheme = absolute.getScheme() == null ? null : absolute.getScheme().toLowerCase(Locale.ROOT);
            String host = host(absolute);
            if (!"http".equals(scheme) && !"https".equals(scheme) || host == null) {
                return null;
            }
            int port = absolute.getHost() != null ? absolute.getPort() : port(absolute.getRawAuthority());
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            StringBuilder url = new StringBuilder(scheme).append("://");
            if (absolute.getRawUserInfo() != null) {
                url.append(absolute.getRawUserInfo()).append('@');
            }
            url.append(host.toLowerCase(Locale.ROOT));
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

    /**
     * An internationalised address in the form every client agrees on: the host in punycode, other
     * non-ASCII characters percent-encoded as UTF-8 (so "straße" and "stra%C3%9Fe" are one article).
     */
    private static String ascii(String href) {
        int i = 0;
        while (i < href.length() && href.charAt(i) < 127) {
            i++;
        }
        if (i == href.length()) {
            return href;
        }
        Matcher m = AUTHORITY.matcher(href);
        String withAsciiHost = href;
        if (m.find()) {
            try {
                withAsciiHost = href.substring(0, m.start(1)) + IDN.toASCII(m.group(1), IDN.ALLOW_UNASSIGNED)
                        + href.substring(m.end(1));
            } catch (IllegalArgumentException notAHostName) {
                return href;
            }
        }
        StringBuilder out = new StringBuilder(withAsciiHost.length() + 16);
        for (char c : withAsciiHost.toCharArray()) {
            appendEscapedIfNonAscii(out, c);
        }
        return out.toString();
    }

    /** A host with characters java.net.URI refuses in a server name (an underscore) is still a host. */
    private static String host(URI uri) {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri.getHost();
        }
        Matcher m = LOOSE_HOST.matcher(uri.getRawAuthority());
        return m.matches() ? m.group(1) : null;
    }

    private static int port(String authority) {
        Matcher m = LOOSE_HOST.matcher(authority);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : -1;
    }

    private static URI parseLeniently(String href) throws URISyntaxException {
        try {
            return new URI(href);
        } catch (URISyntaxException e) {
            // what browsers accept and java.net.URI does not: spaces, |, ^, {, } and such left unencoded
            StringBuilder escaped = new StringBuilder();
            for (char c : href.toCharArray()) {
                if (c <= ' ' || "\"<>\\^`{|}".indexOf(c) >= 0) {
                    escaped.append('%').append(String.format("%02X", (int) c));
                } else {
                    appendEscapedIfNonAscii(escaped, c);
                }
            }
            return new URI(escaped.toString());
        }
    }

    private static void appendEscapedIfNonAscii(StringBuilder out, char c) {
        if (c < 127) {
            out.append(c);
            return;
        }
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xff));
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
