package com.altscodex.jakarta.audit;

import com.altscodex.jakarta.audit.AuditEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the module reports {@link AuditEvent}s: to the application's CDI observers and as one line
 * on the {@code com.altscodex.jakarta.audit} logger, refusals at WARNING, the rest at INFO. A
 * login's outcome is the backend's own line, written on this logger too: one line per login.
 */
@ApplicationScoped
public class Audit {
    public static final String LOGGER = "com.altscodex.jakarta.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    private Consumer<AuditEvent> observers;
    private Clock clock;

    /** For CDI's client proxy only. */
    protected Audit() {
    }

    @Inject
    public Audit(Event<AuditEvent> events) {
        this(events::fire, Clock.systemUTC());
    }

    public Audit(Consumer<AuditEvent> observers, Clock clock) {
        this.observers = observers;
        this.clock = clock;
    }

    /** Only the log lines: outside a container, where nothing observes. */
    public static Audit logOnly() {
        return new Audit(event -> { }, Clock.systemUTC());
    }

    /** Fires the event and writes its line. */
    public void record(Kind what, String clientAddress, String slotId, String state, String detail) {
        AuditEvent event = new AuditEvent(what, clock.instant(), clientAddress, slotId, state, detail);
        Level level = levelOf(what);
        if (LOG.isLoggable(level)) {
            LOG.log(level, line(event));
        }
        fire(event);
    }

    /** Fires the event alone, where the caller writes the line itself (a login's outcome). */
    public void fire(AuditEvent event) {
        try {
            observers.accept(event);
        } catch (RuntimeException e) {
            // its message may quote what it was handed: the type is enough to find it
            LOG.warning(() -> "an observer of AuditEvent failed: " + e.getClass().getName());
        }
    }

    public Clock clock() {
        return clock;
    }

    /** {@code CROSS_SITE_REFUSED address=203.0.113.7 slot=- state=- POST /api/login from https://evil.example}. */
    static String line(AuditEvent event) {
        StringBuilder line = new StringBuilder(96).append(event.what().name())
                .append(" address=").append(shown(event.clientAddress()))
                .append(" slot=").append(shown(event.slotId()))
                .append(" state=").append(shown(event.state()));
        if (event.detail() != null) {
            line.append(' ').append(replaced(event.detail(), false));
        }
        return line.toString();
    }

    static Level levelOf(Kind what) {
        return switch (what) {
            case LOGIN_FAILED, CROSS_SITE_REFUSED, WEBHOOK_URL_REFUSED, RATE_LIMITED -> Level.WARNING;
            default -> Level.INFO;
        };
    }

    /** A value as a log line shows it: one word, {@code -} for none. */
    public static String shown(String value) {
        return value == null || value.isEmpty() ? "-" : replaced(value, true);
    }

    /**
     * Control characters (and spaces too, if asked) as {@code ?}, so a value cannot forge a line
     * or a field. A loop, not a regular expression: it runs for every login, and most values need
     * no change, so they are returned as they are.
     */
    private static String replaced(String value, boolean spaces) {
        char[] chars = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c == 0x7F || (spaces && c == ' ')) {
                if (chars == null) {
                    chars = value.toCharArray();
                }
                chars[i] = '?';
            }
        }
        return chars == null ? value : new String(chars);
    }
}
