package com.example.game;

import com.altscodex.jakarta.AltsCodexLogin;
import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** Every player who logged in, by slot id (a database in a real game). */
@ApplicationScoped
public class Players {
    private static final Logger LOG = Logger.getLogger(Players.class.getName());

    private final Map<String, String> nicknames = new ConcurrentHashMap<>();

    /** The SDK fires this once per successful login, before the login answers. */
    void loggedIn(@Observes AltsCodexLogin login) {
        SlotInfo slot = login.slot();
        nicknames.put(slot.id(), slot.tokenNickname());
        // slot.accessToken() is the player's DeOAuth token: keep it on the server if you need it, never log it
        LOG.info(() -> "player " + slot.id() + " (" + slot.tokenNickname() + ") logged in");
    }

    public Optional<String> nickname(String slotId) {
        return Optional.ofNullable(nicknames.get(slotId));
    }

    public List<String> allNicknames() {
        return nicknames.values().stream().sorted().toList();
    }
}
