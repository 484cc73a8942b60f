package com.altscodex.jakarta.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.altscodex.jakarta.audit.AuditEvent.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class AuditTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void anEventReachesTheObserversAndOneLineOfTheAuditLogger() {
        List<AuditEvent> events = new ArrayList<>();
        List<LogRecord> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Audit.LOGGER);
        log.addHandler(capture);
        try {
            Audit audit = new Audit(events::add, Clock.fixed(NOW, ZoneOffset.UTC));
            audit.record(Kind.CROSS_SITE_REFUSED, "203.0.113.7", null, null, "POST /api from https://evil.example");
            audit.record(Kind.LOGOUT, "203.0.113.7", "slot 42\n", null, null);
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(List.of(new AuditEvent(Kind.CROSS_SITE_REFUSED, NOW, "203.0.113.7", null, null,
                "POST /api from https://evil.example"), new AuditEvent(Kind.LOGOUT, NOW, "203.0.113.7", "slot 42\n", null, null)), events);
        assertEquals(2, lines.size());
        assertEquals(Level.WARNING, lines.get(0).getLevel(), "a refusal");
        assertEquals("CROSS_SITE_REFUSED address=203.0.113.7 slot=- state=- POST /api from https://evil.example",
                lines.get(0).getMessage());
        assertEquals(Level.INFO, lines.get(1).getLevel());
        assertEquals("LOGOUT address=203.0.113.7 slot=slot?42? state=-", lines.get(1).getMessage(),
                "one line, whatever a value holds");
    }

    @Test
    void aValueShowsAsOneWordAndADetailAsOneLine() {
        assertEquals("-", Audit.shown(null));
        assertEquals("-", Audit.shown(""));
        assertSame("https://game.example", Audit.shown("https://game.example"), "nothing to change, nothing copied");
        assertEquals("a?b?c?d?eé", Audit.shown("a b\tc\u007fd\u0000eé"), "spaces, tabs, DEL and NUL; not letters");
        assertEquals("LOGOUT address=- slot=- state=- two words?forged line?",
                Audit.line(new AuditEvent(Kind.LOGOUT, NOW, null, null, null, "two words\rforged line\u007f")));
    }

    @Test
    void anObserverThatThrowsDoesNoHarm() {
        Audit audit = new Audit(event -> {
            throw new IllegalStateException("the observer's own problem");
        }, Clock.systemUTC());
        audit.record(Kind.LINK_ISSUED, null, null, null, "link 12345678");
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(null, NOW, null, null, null, null));
    }
}
