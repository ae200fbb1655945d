package dev.pulse.send.ledger;

import java.time.Instant;

/**
 * Where a send's ledger stands: rows still to finish, and when the earliest waiting one is due
 * ({@code nextDue} null when every open row is claimed).
 */
public record Progress(int open, Instant nextDue) {

    public boolean finished() {
        return open == 0;
    }
}
