package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.SecurityHeaders;
import jakarta.servlet.annotation.WebFilter;

/** Every answer of the WAR, its pages included, carries the module's security headers. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class BrowserHeaders extends SecurityHeaders {
}
