package com.altscodex.jakarta.links;

import java.util.Locale;

/** Where a login link stands. A caller sees {@link #OPENED} as {@code pending}: its user is logging in. */
public enum LinkStatus {
    PENDING, OPENED, SUCCEEDED, FAILED, EXPIRED;

    /** Whether the link's outcome is known and will not change. */
    public boolean settled() {
        return this == SUCCEEDED || this == FAILED || this == EXPIRED;
    }

    /** As the caller reads it: {@code pending}, {@code succeeded}, {@code failed} or {@code expired}. */
    public String wire() {
        return this == OPENED ? "pending" : name().toLowerCase(Locale.ROOT);
    }
}
