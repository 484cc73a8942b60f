package com.altscodex.jakarta.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as ISO-8601 ({@code PT15S}) or in the short form {@code 500ms}, {@code 15s}, {@code 2m}, {@code 1h}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException when the text is neither form, or not positive */
    public static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return duration;
    }
}
