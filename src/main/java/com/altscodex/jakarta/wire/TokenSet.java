package com.altscodex.jakarta.wire;

/** What a refresh returns. The tokens are secrets: {@link #toString()} does not show them. */
public record TokenSet(String accessToken, String refreshToken, String code) {

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=****, code=****]";
    }
}
