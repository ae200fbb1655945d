package dev.pulse.api.subscriber;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;

@Service
class SubscriberService {

    static final int MAX_IMPORT_ROWS = 10_000;

    private final SubscriberRepository subscribers;
    private final WorkspaceAccess access;

    SubscriberService(SubscriberRepository subscribers, WorkspaceAccess access) {
        this.subscribers = subscribers;
        this.access = access;
    }

    /** A row of an import or a single create: an email and an optional name. */
    record Candidate(int row, String email, String name) {
    }

    @Transactional
    Subscriber create(CurrentUser user, UUID workspaceId, String email, String name) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        try {
            return subscribers.insert(workspaceId, email, name);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("email", "This address is already a subscriber of the workspace");
        }
    }

    List<Subscriber> list(CurrentUser user, UUID workspaceId, SubscriberStatus status, int limit, int offset) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return subscribers.inWorkspace(workspaceId, status, limit, offset);
    }

    @Transactional
    void delete(CurrentUser user, UUID workspaceId, UUID subscriberId) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        if (!subscribers.delete(workspaceId, subscriberId)) {
            throw ApiException.notFound("subscriber");
        }
    }

    /** Adds every valid, new address; reports the rest. One statement, so an import is all or nothing. */
    @Transactional
    ImportReport importAll(CurrentUser user, UUID workspaceId, List<Candidate> candidates) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        if (candidates.size() > MAX_IMPORT_ROWS) {
            throw ApiException.invalid("body", "at most " + MAX_IMPORT_ROWS + " rows per import");
        }
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            String email = candidate.email() == null ? "" : candidate.email().trim();
            if (!EmailAddresses.isValid(email)) {
                rejected.add(new ImportReport.RejectedRow(candidate.row(), email, "not an email address"));
            } else if (candidate.name() != null && candidate.name().length() > 200) {
                rejected.add(new ImportReport.RejectedRow(candidate.row(), email, "name is longer than 200 characters"));
            } else {
                unique.putIfAbsent(email.toLowerCase(Locale.ROOT), new Candidate(candidate.row(), email, blankToNull(candidate.name())));
            }
        }
        int inserted = subscribers.insertNew(workspaceId, unique.values());
        int valid = candidates.size() - rejected.size();
        return new ImportReport(candidates.size(), inserted, valid - inserted, rejected);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
