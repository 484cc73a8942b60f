package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The integrator's own record of the module's audit events, as an application would keep it. */
@ApplicationScoped
public class GameAuditLog {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    void on(@Observes AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return events;
    }
}
