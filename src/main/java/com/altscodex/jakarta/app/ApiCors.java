package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.CrossOriginRequests;
import jakarta.servlet.annotation.WebFilter;

/** CORS on /api for the allowed origins alone. */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class ApiCors extends CrossOriginRequests {
}
