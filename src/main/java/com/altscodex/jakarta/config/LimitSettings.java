package com.altscodex.jakarta.config;

/**
 * The budget of failed attempts per client address ({@code altscodex.limits.*}): wrong user codes,
 * unknown login-link tokens, and wrong or missing API keys. Each address may fail {@code burst}
 * times at once, and regains {@code failuresPerMinute} a minute; past that it is answered 429.
 *
 * @param failuresPerMinute how fast an address's budget refills
 * @param burst how many failures an address may make before it is refused, from a full budget
 * @param maxAddresses how many addresses this process keeps a count for at most (memory store)
 */
public record LimitSettings(int failuresPerMinute, int burst, int maxAddresses) {
    public static final int DEFAULT_FAILURES_PER_MINUTE = 20;
    public static final int DEFAULT_BURST = 10;
    public static final int DEFAULT_MAX_ADDRESSES = 100_000;

    public static final LimitSettings DEFAULTS =
            new LimitSettings(DEFAULT_FAILURES_PER_MINUTE, DEFAULT_BURST, DEFAULT_MAX_ADDRESSES);

    public LimitSettings {
        if (failuresPerMinute <= 0 || burst <= 0 || maxAddresses <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
