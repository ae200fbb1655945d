package dev.pulse.scrape.fetch;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** Builds the one {@link HttpFetcher} of an instance, with its connection pool and guarded sockets. */
public final class HttpFetchers {

    private HttpFetchers() {
    }

    public static HttpFetcher create(FetchSettings settings, Clock clock) {
        AddressGuard guard = new AddressGuard(settings.allowedNetworks());
        var connections = new GuardedConnections(guard)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.perHostConcurrency())
                .setDnsResolver(new BoundedDnsResolver(settings.connectTimeout()))
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true)
                        .setSoTimeout(Timeout.of(settings.readTimeout())).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout())).build())
                .build();
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setContentCompressionEnabled(true)
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.totalTimeout())).build())
                .build();
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fetch-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        return new HttpFetcher(client, settings, deadlines, clock);
    }

    /** The pool's connection operator, with plain sockets from the guard's factory (TLS is layered on them). */
    private static final class GuardedConnections extends PoolingHttpClientConnectionManagerBuilder {

        private final AddressGuard guard;

        GuardedConnections(AddressGuard guard) {
            this.guard = guard;
        }

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(new GuardedSocketFactory(guard), ports, dns,
                    RegistryBuilder.<TlsSocketStrategy>create()
                            .register(URIScheme.HTTPS.id, tls != null ? tls : DefaultClientTlsStrategy.createDefault())
                            .build());
        }
    }
}
