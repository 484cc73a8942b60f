package com.altscodex.jakarta.recipe;

import com.altscodex.jakarta.AltsCodexLogin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Each login's DeOAuth access token, kept on the server (a database in a real game). */
@ApplicationScoped
public class TokenVault {
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

    void keep(@Observes AltsCodexLogin login) {
        accessTokens.put(login.slot().id(), login.slot().accessToken());
    }

    public Optional<String> accessToken(String slotId) {
        return Optional.ofNullable(accessTokens.get(slotId));
    }
}
