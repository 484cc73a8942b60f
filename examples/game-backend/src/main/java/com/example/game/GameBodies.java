package com.example.game;

import com.altscodex.jakarta.rest.RawBodyFilter;
import jakarta.servlet.annotation.WebFilter;

/**
 * The SDK reads the bodies of these endpoints itself, without holding a thread. On Jersey
 * (Payara) this filter keeps the runtime from reading them first; elsewhere it does no harm.
 */
@WebFilter(urlPatterns = {"/game/auth/login", "/game/auth/deoauth-callback", "/game/auth/logout"},
        asyncSupported = true)
public class GameBodies extends RawBodyFilter {
}
