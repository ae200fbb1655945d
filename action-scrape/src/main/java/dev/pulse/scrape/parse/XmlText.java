package dev.pulse.scrape.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes as text, the way a forgiving reader decodes them: a byte-order mark first, then the
 * XML declaration's encoding, then the HTTP charset, then UTF-8; bytes that are not valid in the chosen
 * charset (a feed that says UTF-8 and sends Windows-1252) are read as Windows-1252, the usual truth;
 * bytes labelled Latin-1 that are valid UTF-8 are UTF-8.
 * Whatever precedes the first tag (BOM, blank lines) is dropped.
 */
final class XmlText {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern HTTP_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private XmlText() {
    }

    static String decode(byte[] body, String contentType) {
        int skip = 0;
        Charset charset = null;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
            charset = StandardCharsets.UTF_8;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            skip = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            skip = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        if (charset == null) {
            charset = named(declared(body));
        }
        if (charset == null && contentType != null) {
            Matcher m = HTTP_CHARSET.matcher(contentType);
            charset = m.find() ? named(m.group(1)) : null;
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        String text = charset.equals(WINDOWS_1252) ? strictUtf8WithNonAscii(body) : null;
        if (text == null) {
            text = strict(body, skip, charset);
        }
        if (text == null) {
            text = new String(body, skip, body.length - skip, charset.equals(StandardCharsets.UTF_8)
                    || charset.name().toLowerCase(Locale.ROOT).startsWith("iso-8859-1") ? WINDOWS_1252 : charset);
        }
        int start = text.indexOf('<');
        return start > 0 ? text.substring(start) : text;
    }

    /**
     * Text labelled Latin-1 or Windows-1252 whose bytes are valid UTF-8 with multi-byte sequences is
     * UTF-8 (a template's stale declaration): Latin-1 text almost never forms such sequences by chance.
     */
    private static String strictUtf8WithNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return strict(body, 0, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Charset named(String name) {
        if (name == null) {
            return null;
        }
        try {
            // Latin-1 as labelled on the web means Windows-1252 (WHATWG Encoding); the latter is a superset
            Charset charset = Charset.forName(name);
            return charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)
                    ? WINDOWS_1252 : charset;
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String strict(byte[] body, int skip, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
