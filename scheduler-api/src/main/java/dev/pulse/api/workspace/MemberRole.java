package dev.pulse.api.workspace;

import java.util.Locale;

/** What a member may do in a workspace; each role includes the ones below it. */
public enum MemberRole {
    /** Everything an editor may, plus deleting jobs and managing members. */
    OWNER,
    /** Reads, and creates, updates, pauses, resumes and runs jobs. */
    EDITOR,
    /** Reads. */
    VIEWER;

    public boolean includes(MemberRole required) {
        return ordinal() <= required.ordinal();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberRole parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
