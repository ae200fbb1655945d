package dev.pulse.contracts.json;

/** The message declares a schema version this build does not read. */
public final class UnsupportedSchemaVersionException extends MessageRejectedException {

    private final int found;

    UnsupportedSchemaVersionException(int found, int supported) {
        super("Unsupported schema_version " + found + " (this build reads version " + supported + ")", null);
        this.found = found;
    }

    public int found() {
        return found;
    }
}
