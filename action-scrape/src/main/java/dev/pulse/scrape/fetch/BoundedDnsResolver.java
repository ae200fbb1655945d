package dev.pulse.scrape.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Name lookups that give up after the connect timeout. The system resolver cannot be interrupted, and
 * with a dead name server it retries for tens of seconds, past every deadline of the fetch; here the
 * fetch moves on and the lookup finishes (or not) on its own thread.
 */
final class BoundedDnsResolver implements DnsResolver {

    /** The lookup itself, a seam for tests. */
    interface Lookup {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "dns-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private final Lookup lookup;
    private final Duration patience;

    BoundedDnsResolver(Duration patience) {
        this(SystemDefaultDnsResolver.INSTANCE::resolve, patience);
    }

    BoundedDnsResolver(Lookup lookup, Duration patience) {
        this.lookup = lookup;
        this.patience = patience;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        Future<InetAddress[]> answer = LOOKUPS.submit(() -> lookup.resolve(host));
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new UnknownHostException("No DNS answer for " + host + " within " + patience.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw (UnknownHostException) new UnknownHostException(host + ": " + e.getCause()).initCause(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new UnknownHostException("Interrupted while looking up " + host);
        }
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
