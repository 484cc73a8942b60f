package com.altscodex.jakarta.pending;

/** What a callback's state found in the store. Only {@link #MATCHED} leads to a code exchange. */
public enum CallbackMatch {
    /** a waiting login, claimed by this callback */
    MATCHED,
    /** a waiting login that an earlier callback already claimed */
    DUPLICATE,
    /** a login that has already settled (timed out, say) */
    LATE,
    /** no login this store knows of */
    UNKNOWN
}
