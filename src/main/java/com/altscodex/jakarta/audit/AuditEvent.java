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

    /** @throws IllegalArgumentException without {@code what} or {@code at} */
    public AuditEvent {
        if (what == null || at == null) {
            throw new IllegalArgumentException("an audit event needs what happened and when");
        }
    }

    /** What happened. */
    public enum Kind {
        /** A login got its slot. */
        LOGIN_SUCCEEDED,
        /** A login ended with an error; {@code detail} holds its code. */
        LOGIN_FAILED,
        /** A session ended by its own logout. */
        LOGOUT,
        /** Every session of a slot issued before now ended ("log out everywhere"). */
        SESSIONS_REVOKED,
        /** A login link was issued; {@code detail} holds its id. */
        LINK_ISSUED,
        /** A login link was used to log in. */
        LINK_COMPLETED,
        /** A state-changing request from another site's page was refused. */
        CROSS_SITE_REFUSED,
        /** A login link's {@code webhook_url} was refused; {@code detail} says why. */
        WEBHOOK_URL_REFUSED,
        /** A client address used up its budget of failed attempts: it is refused until the budget refills. */
        RATE_LIMITED
    }
}
