package dev.pulse.scrape.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}); a bare address is one host. */
record Network(byte[] prefix, int bits) {

    static Network parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        try {
            byte[] address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
            int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("Prefix length out of range in " + cidr);
            }
            return new Network(address, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a network in CIDR notation: " + cidr, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (candidate[whole] & mask) == (prefix[whole] & mask);
    }
}
