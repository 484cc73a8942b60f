package com.altscodex.jakarta.dev;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the mock DeOAuth server does with one login. Chosen per JWT: scripted with
 * {@link MockDeOAuthServer#script}, or by the JWT's first word ({@code expired-…},
 * {@code reject-…}, …) so that every outcome can be tried by hand with curl or on the mock's
 * login page; a JWT whose first word names none gets the configured default.
 */
public enum MockBehaviour {
    /** authorize succeeds, the callback follows, get_token returns the slot. */
    SUCCESS("the slot comes back"),
    /** authorize answers {@code success:false, code:EXPIRED_TOKEN}. */
    EXPIRED("the JWT has expired"),
    /** authorize answers {@code success:false} with another code. */
    FAIL("authorize refuses the login"),
    /** the callback says {@code success=0}. */
    REJECT("the callback rejects the login"),
    /** authorize succeeds and no callback ever comes. */
    TIMEOUT("no callback comes, the login times out"),
    /** get_token answers HTTP 500. */
    TOKENERROR("get_token answers 500"),
    /** get_token answers slowly (3 s unless {@link MockDeOAuthServer#slowDelay} says otherwise). */
    SLOW("get_token is slow, then the slot comes back"),
    /** the callback is sent twice. */
    DUPLICATE("the callback comes twice, then the slot comes back"),
    /** the callback is sent, and answered, before authorize answers. */
    EARLY("the callback comes before authorize answers, then the slot comes back");

    private final String description;

    MockBehaviour(String description) {
        this.description = description;
    }

    /** What a person sees happen, as the mock's login page offers it. */
    public String description() {
        return description;
    }

    /** The first word of a JWT that asks for this behaviour: {@code expired} for EXPIRED. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The behaviour named by the JWT's first word ({@code reject-alice} → REJECT), if any. */
    public static Optional<MockBehaviour> namedBy(String jwt) {
        return byWord(jwt.split("[-_.:]", 2)[0]);
    }

    /** The behaviour with this word ({@code timeout}, any case), if any. */
    public static Optional<MockBehaviour> byWord(String word) {
        for (MockBehaviour behaviour : values()) {
            if (behaviour.word().equalsIgnoreCase(word.strip())) {
                return Optional.of(behaviour);
            }
        }
        return Optional.empty();
    }

    /** Reads a configured name ({@code timeout}, {@code TIMEOUT}), or says which names there are. */
    public static MockBehaviour parse(String name) {
        return byWord(name).orElseThrow(() -> new IllegalArgumentException("no mock behaviour is called '"
                + name + "'; use one of " + Arrays.stream(values()).map(MockBehaviour::word).toList()));
    }
}
