package com.altscodex.jakarta.health;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.AuthorizeFailedException;
import com.altscodex.jakarta.error.UpstreamHttpException;
import com.altscodex.jakarta.error.UpstreamUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Watches what the DeOAuth server says about us. Rejected client credentials are an operator's
 * job: logged once at SEVERE with what to check, shown in readiness, never retried, and cleared
 * by the next exchange that works. An open circuit shows in readiness for a few seconds after it
 * last refused a call.
 */
public final class UpstreamWatch {
    private static final Logger LOG = Logger.getLogger(UpstreamWatch.class.getName());
    private static final long OPEN_CIRCUIT_SHOWS_NANOS = 5_000_000_000L;

    private final AtomicBoolean credentialsRejected = new AtomicBoolean();
    private volatile long circuitRefusedAt;
    private volatile boolean circuitRefused;

    /** Called with every failure of a DeOAuth call. */
    public void failed(AltsCodexException failure) {
        if (failure instanceof UpstreamUnavailableException) {
            circuitRefusedAt = System.nanoTime();
            circuitRefused = true;
        } else if (rejectsCredentials(failure) && credentialsRejected.compareAndSet(false, true)) {
            LOG.severe("The DeOAuth server rejected this client's credentials (" + failure.getMessage() + ")."
                    + " Check altscodex.client-id and altscodex.client-secret (ALTSCODEX_CLIENT_ID,"
                    + " ALTSCODEX_CLIENT_SECRET) against the Developer Center. Logins fail until they match;"
                    + " nothing is retried, and readiness reports DOWN until an exchange succeeds.");
        }
    }

    /** Called when a code exchange succeeded: the credentials work, and the server answers. */
    public void exchangeSucceeded() {
        circuitRefused = false;
        if (credentialsRejected.compareAndSet(true, false)) {
            LOG.info("The DeOAuth server accepts this client's credentials again.");
        }
    }

    public boolean credentialsRejected() {
        return credentialsRejected.get();
    }

    public boolean circuitOpen() {
        return circuitRefused && System.nanoTime() - circuitRefusedAt < OPEN_CIRCUIT_SHOWS_NANOS;
    }

    static boolean rejectsCredentials(AltsCodexException failure) {
        if (failure instanceof UpstreamHttpException http) {
            return "get_token".equals(http.endpoint()) && http.upstreamStatus() == 401
                    || "invalid_client".equals(http.serverCode());
        }
        return failure instanceof AuthorizeFailedException authorize
                && "invalid_client".equals(authorize.serverCode());
    }
}
