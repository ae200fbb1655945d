package dev.pulse.scrape.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BoundedDnsResolverTest {

    @Test
    void aLookupThatHangsGivesUpAfterItsPatience() {
        BoundedDnsResolver resolver = new BoundedDnsResolver(host -> {
            try {
                Thread.sleep(30_000); // a dead name server, retried
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }, Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThatThrownBy(() -> resolver.resolve("feeds.example.org")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("No DNS answer for feeds.example.org");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAnswerOrANoAnswerComesThroughAsItIs() throws Exception {
        InetAddress address = InetAddress.getByAddress("feeds.example.org", new byte[] {93, (byte) 184, (byte) 216, 34});
        assertThat(new BoundedDnsResolver(host -> new InetAddress[] {address}, Duration.ofSeconds(1))
                .resolve("feeds.example.org")).containsExactly(address);
        assertThatThrownBy(() -> new BoundedDnsResolver(host -> {
            throw new UnknownHostException("no such host " + host);
        }, Duration.ofSeconds(1)).resolve("nowhere.example")).hasMessage("no such host nowhere.example");
    }
}
