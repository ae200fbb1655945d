package dev.pulse.api.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whom a workspace's newsletters are from and where replies go; action-send reads them from the
 * workspaces table. A null is "the service's default From" (address, name) or "no Reply-To".
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record SenderSettings(String senderEmail, String senderName, String replyTo) {
}
