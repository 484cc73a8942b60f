package com.altscodex.jakarta.links;

import java.time.Instant;

/**
 * A login link as the store keeps it.
 *
 * @param id the link's public id (the poll URL's last segment)
 * @param subject the caller's own id for the user, as the caller gave it
 * @param userCode the short code a person can type at {@code /link} instead of opening the link
 * @param webhookUrl where the outcome is posted, or null
 * @param expiresAt when the link can no longer be used
 * @param status where it stands; a pending link past {@code expiresAt} reads as {@link LinkStatus#EXPIRED}
 * @param outcome the settled outcome as the caller receives it (JSON), or null while unsettled
 */
public record LinkRecord(String id, String subject, String userCode, String webhookUrl, Instant expiresAt,
        LinkStatus status, String outcome) {

    /** The status as of {@code now}: a link nobody opened in time has expired; an opened one finishes its login. */
    public LinkStatus statusAt(Instant now) {
        return status == LinkStatus.PENDING && !now.isBefore(expiresAt) ? LinkStatus.EXPIRED : status;
    }

    public LinkRecord with(LinkStatus newStatus, String newOutcome) {
        return new LinkRecord(id, subject, userCode, webhookUrl, expiresAt, newStatus, newOutcome);
    }

    /** The outcome holds a session token: never printed. */
    @Override
    public String toString() {
        return "LinkRecord[id=" + id + ", status=" + status + ", expiresAt=" + expiresAt + "]";
    }
}
