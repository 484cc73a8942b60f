package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;

/**
 * POST /api/getinfo, the DeOAuth callback. One instance serves every request, as with
 * {@link LoginResource}: the endpoint keeps nothing per request.
 */
@Path("getinfo")
@ApplicationScoped
public class CallbackResource extends CallbackEndpoint {
}
