package com.altscodex.jakarta.operations;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.health.LoginReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health ({@code /health/live}, {@code /health/ready}): alive while the application
 * runs; ready only while logins can succeed, with the reasons in the check's data otherwise.
 */
@ApplicationScoped
public class AltsCodexHealthChecks {

    @Inject
    AltsCodexBackend backend;

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("altscodex").up().build();
    }

    @Produces
    @Readiness
    HealthCheck ready() {
        return () -> {
            LoginReadiness state = backend.readiness();
            var response = HealthCheckResponse.named("altscodex").status(state.ready())
                    .withData("waitingLogins", backend.pendingLogins());
            for (String reason : state.reasons()) {
                response.withData(reason.replace(' ', '-'), true);
            }
            return response.build();
        };
    }
}
