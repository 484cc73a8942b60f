package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * POST /api/getinfo, the DeOAuth callback. One instance serves every request: the endpoint keeps nothing per request, and a
 * request-scoped one was created and injected for each (about 2% of a login's CPU on Payara).
 */
@Path("getinfo")
@ApplicationScoped
public class CallbackResource extends CallbackEndpoint {
}
