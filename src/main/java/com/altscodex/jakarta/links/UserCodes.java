package com.altscodex.jakarta.links;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Short codes a person types at {@code /link}, as RFC 8628 suggests: eight letters from twenty
 * consonants (no vowels, so no words; no I, O or similar look-alikes), shown as {@code WDJB-MJHT}.
 * About 34 bits: with the pending links capped, a guess finds one of them one time in millions.
 */
final class UserCodes {
    static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a person typed, as the code is kept: upper case, the dash where it belongs; null if it cannot be one. */
    static String normalized(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder letters = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) >= 0) {
                letters.append(c);
            } else if (c != '-' && c != ' ') {
                return null;
            }
        }
        return letters.length() == LENGTH ? letters.insert(LENGTH / 2, '-').toString() : null;
    }
}
