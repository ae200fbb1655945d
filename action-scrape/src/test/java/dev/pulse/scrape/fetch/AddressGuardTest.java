package dev.pulse.scrape.fetch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "100.64.0.1", "fd00::1", "169.254.169.254", "fe80::1", "224.0.0.1", "ff02::1", "0.0.0.0", "::",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "192.0.0.8", "64:ff9b::a00:1", "64:ff9b::7f00:1"})
    void refusesInternalAddresses(String address) {
        assertThatThrownBy(() -> guard.check(InetAddress.getByName(address))).isInstanceOf(BlockedAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700::1111", "100.128.0.1"})
    void letsPublicAddressesThrough(String address) {
        assertThatCode(() -> guard.check(InetAddress.getByName(address))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.20.30.40"})
    void theAllowListPermitsWhatItNames(String address) {
        AddressGuard permissive = new AddressGuard(List.of("127.0.0.0/8", "::1/128", "10.20.0.0/16"));
        assertThatCode(() -> permissive.check(InetAddress.getByName(address))).doesNotThrowAnyException();
    }
}
