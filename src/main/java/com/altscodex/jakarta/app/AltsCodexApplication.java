package com.altscodex.jakarta.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The deployable WAR's JAX-RS application at {@code /api}. This package is left out of the
 * published classes jar, so an application that embeds the module mounts its own paths.
 */
@ApplicationPath("api")
public class AltsCodexApplication extends Application {
}
