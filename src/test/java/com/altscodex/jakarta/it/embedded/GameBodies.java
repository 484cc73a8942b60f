package com.altscodex.jakarta.it.embedded;

import com.altscodex.jakarta.rest.RawBodyFilter;
import jakarta.servlet.annotation.WebFilter;

@WebFilter(urlPatterns = {"/game/auth/login", "/game/auth/deoauth-callback"}, asyncSupported = true)
public class GameBodies extends RawBodyFilter {
}
