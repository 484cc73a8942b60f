package com.altscodex.jakarta.wire;

/**
 * A browser login URL on the platform and the state it carries. Keep the state (in the user's
 * session, say) and compare it when the user comes back: it is the CSRF guard.
 */
public record LoginUrl(String state, String url) {
}
