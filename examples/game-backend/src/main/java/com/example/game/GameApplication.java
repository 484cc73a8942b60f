package com.example.game;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The game's REST API under /game. It lists no classes, so the server finds the resources here
 * and the SDK's providers in its jar: among them SessionRoles, which answers {@code @RolesAllowed}
 * in the SDK's JSON on every server. An Application that overrides getClasses() must list
 * {@code com.altscodex.jakarta.rest.SessionRoles} itself.
 */
@ApplicationPath("game")
public class GameApplication extends Application {
}
