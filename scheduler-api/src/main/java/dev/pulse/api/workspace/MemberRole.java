package dev.pulse.api.workspace;

/** What a member may do in a workspace; each role includes the ones below it. */
public enum MemberRole {
    /** Everything an editor may, plus deleting jobs and managing members. */
    OWNER,
    /** Reads, and creates, updates, pauses, resumes and runs jobs. */
    EDITOR,
    /** Reads. */
    VIEWER
}
