package com.altscodex.jakarta.metrics;

import com.altscodex.jakarta.pending.CallbackMatch;
import java.util.Locale;

/**
 * The module's meters, the same on every server: names (dotted; exporters print
 * {@code altscodex_logins_total} and the like), tags and help texts. Each metrics adapter maps
 * these onto its API.
 */
public final class Meters {
    public static final Meter LOGINS = new Meter("altscodex.logins", "finished logins, by outcome");
    public static final Meter WAITING = new Meter("altscodex.logins.waiting",
            "logins waiting for their DeOAuth callback now");
    public static final Meter DURATION = new Meter("altscodex.login.duration",
            "time from a login's arrival to its answer");
    public static final Meter UPSTREAM_CALLS = new Meter("altscodex.upstream.calls",
            "calls to the DeOAuth server, by endpoint and HTTP status (none: no answer)");
    public static final Meter CALLBACKS = new Meter("altscodex.callbacks",
            "DeOAuth callbacks received, by what they matched");

    public static final String OUTCOME = "outcome";
    public static final String KIND = "kind";
    public static final String ENDPOINT = "endpoint";
    public static final String STATUS = "status";

    private Meters() {
    }

    /** A meter's name and help text. */
    public record Meter(String name, String help) {
    }

    /** The {@code kind} tag of a callback: {@code matched}, {@code duplicate}, {@code late}, {@code unknown}. */
    public static String kind(CallbackMatch match) {
        return match.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code status} tag of a DeOAuth call: its HTTP status, or {@code none} without an answer. */
    public static String status(int status) {
        return status == 0 ? "none" : String.valueOf(status);
    }
}
