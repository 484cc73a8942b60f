package com.altscodex.jakarta.app;

import com.altscodex.jakarta.rest.CallbackEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** POST /api/getinfo, the DeOAuth callback. */
@Path("getinfo")
@RequestScoped
public class CallbackResource extends CallbackEndpoint {
}
