package dev.pulse.scrape.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Refuses connections to addresses a feed URL must not reach from inside the network: loopback,
 * private (RFC 1918, unique-local IPv6, CGNAT), link-local (cloud metadata at 169.254.169.254),
 * multicast and the unspecified address — unless an allowed network contains the address. It judges
 * the address being connected to, so a name that resolves differently the second time (DNS
 * rebinding) or a redirect to such an address is caught too.
 */
public final class AddressGuard {

    private static final Network CARRIER_GRADE_NAT = Network.parse("100.64.0.0/10");
    private static final Network UNIQUE_LOCAL_V6 = Network.parse("fc00::/7");
    /** IETF protocol assignments (192.0.0.0/24) and NAT64 (64:ff9b::/96, which reaches any IPv4 address, private ones too). */
    private static final Network PROTOCOL_ASSIGNMENTS = Network.parse("192.0.0.0/24");
    private static final Network NAT64 = Network.parse("64:ff9b::/96");

    private final List<Network> allowed;

    public AddressGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().filter(s -> !s.isBlank()).map(Network::parse).toList();
    }

    public void check(InetAddress address) throws BlockedAddressException {
        String kind = forbiddenKind(address);
        if (kind != null && allowed.stream().noneMatch(n -> n.contains(address))) {
            throw new BlockedAddressException("Refused to connect to " + address.getHostAddress() + ", a " + kind
                    + " address (pulse.scrape.fetch.allowed-networks can permit it)");
        }
    }

    private static String forbiddenKind(InetAddress address) {
        InetAddress plain = embeddedV4(address);
        if (plain.isLoopbackAddress()) {
            return "loopback";
        }
        if (plain.isLinkLocalAddress()) {
            return "link-local";
        }
        if (plain.isSiteLocalAddress() || CARRIER_GRADE_NAT.contains(plain) || UNIQUE_LOCAL_V6.contains(plain)
                || PROTOCOL_ASSIGNMENTS.contains(plain) || NAT64.contains(plain)) {
            return "private";
        }
        if (plain.isMulticastAddress()) {
            return "multicast";
        }
        if (plain.isAnyLocalAddress()) {
            return "unspecified";
        }
        return null;
    }

    /** {@code ::ffff:127.0.0.1} is 127.0.0.1: judge the IPv4 address an IPv4-mapped one carries. */
    private static InetAddress embeddedV4(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isMapped(bytes)) {
            try {
                return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            } catch (java.net.UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
