package com.altscodex.jakarta.recipe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("game")
public class GameApi extends Application {
}
