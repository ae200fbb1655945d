package dev.pulse.scrape.fetch;

import java.io.IOException;

/** The guard refused the address a fetch was about to connect to. */
public class BlockedAddressException extends IOException {

    public BlockedAddressException(String message) {
        super(message);
    }
}
