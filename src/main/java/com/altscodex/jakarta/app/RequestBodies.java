package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.RawBodyFilter;
import jakarta.servlet.annotation.WebFilter;

/** The bodies under /api are the endpoints' own to read. */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodies extends RawBodyFilter {
}
