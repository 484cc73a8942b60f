package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentTimeoutsTest {

    @Test
    void aTimedOutJwtIsRememberedAndOthersAreNot() {
        RecentTimeouts recent = new RecentTimeouts();
        recent.add("eyJ.timed.out");
        assertTrue(recent.contains("eyJ.timed.out"));
        assertFalse(recent.contains("eyJ.other"));
    }
}
