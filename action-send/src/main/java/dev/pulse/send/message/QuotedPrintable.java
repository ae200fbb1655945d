package dev.pulse.send.message;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045) for a piece of a body, ending in a soft line break: pieces encoded apart
 * can be joined in any order and decode to the joined text. That lets a newsletter be encoded once and
 * only each recipient's unsubscribe link be encoded per message.
 */
final class QuotedPrintable {

    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {
    }

    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 8 + 8);
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r') {
                continue; // a line break is \n, written as CRLF
            }
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == in.length || in[i + 1] == '\n' || in[i + 1] == '\r';
            boolean literal = b >= 33 && b <= 126 && b != '=' || (b == ' ' || b == '\t') && !lineEnds;
            int width = literal ? 1 : 3;
            if (column + width > MAX_LINE - 1) {
                softBreak(out);
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0xf]);
            }
            column += width;
        }
        if (column > 0) {
            softBreak(out);
        }
        return out.toByteArray();
    }

    private static void softBreak(ByteArrayOutputStream out) {
        out.write('=');
        out.write('\r');
        out.write('\n');
    }
}
