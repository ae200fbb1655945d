package dev.pulse.scrape.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;

import org.apache.hc.client5.http.io.DetachedSocketFactory;

/** Plain sockets that ask the guard about the resolved address in {@code connect}, the last moment before it. */
final class GuardedSocketFactory implements DetachedSocketFactory {

    private final AddressGuard guard;

    GuardedSocketFactory(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public Socket create(Proxy proxy) {
        return new GuardedSocket();
    }

    private final class GuardedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress inet) || inet.getAddress() == null) {
                throw new BlockedAddressException("Refused to connect to an unresolved address: " + endpoint);
            }
            guard.check(inet.getAddress());
            super.connect(endpoint, timeout);
        }
    }
}
