package com.altscodex.jakarta.audit;

import java.time.Instant;

/**
 * One security-relevant outcome, fired as a CDI event ({@code void on(@Observes AuditEvent event)})
 * and written as one line to the {@code com.altscodex.jakarta.audit} logger. It never holds a
 * secret, a JWT, a code or a token.
 *
 * @param what what happened
 * @param at when
 * @param clientAddress the client's address as the module sees it ({@code altscodex.trusted-proxies}
 *                      applied), or null where no request is behind it
 * @param slotId the user's slot id, where known, else null
 * @param state the first 8 characters of the login's state, where a login is behind it, else null
 * @param detail a few words: the error code of a failed login, why something was refused, a link's id
 */
public record AuditEvent(Kind what, Instant at, String clientAddress, String slotId, String state, String detail) {

    public AuditEvent {
        if (what == null || at == null) {
            throw new IllegalArgumentException("an audit event needs what happened and when");
        }
    }

    public enum Kind {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGOUT,
        /** Every session of a slot issued before now ended ("log out everywhere"). */
        SESSIONS_REVOKED,
        LINK_ISSUED,
        LINK_COMPLETED,
        CROSS_SITE_REFUSED,
        WEBHOOK_URL_REFUSED,
        /** A client address used up its budget of failed attempts: it is refused until the budget refills. */
        RATE_LIMITED
    }
}
