package com.altscodex.jakarta;

import com.altscodex.jakarta.wire.SlotInfo;
/**
 * Fired once per successful login, as a CDI event, before the login's caller hears of it: the
 * whole slot, access token included, for the application to keep on the server what it needs
 * ({@code void keep(@Observes AltsCodexLogin login)}). The browser never sees the access token.
 *
 * <p>Observers run in the thread that completes the login and should be quick; one that throws is
 * logged and does not fail the login.
 *
 * @param slot the user's slot, as get_token returned it ({@link SlotInfo#toString()} masks its secrets)
 */
public record AltsCodexLogin(SlotInfo slot) {
}
