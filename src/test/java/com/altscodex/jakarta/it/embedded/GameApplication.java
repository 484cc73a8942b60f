package com.altscodex.jakarta.it.embedded;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An integrator's own JAX-RS application, with the module as a library. */
@ApplicationPath("game")
public class GameApplication extends Application {
}
