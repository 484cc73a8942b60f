package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.wire.LoginUrl;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code {"state": "…", "login_url": "…"}}: a platform login URL with a fresh state. */
public abstract class LoginUrlEndpoint {

    @Inject
    protected AltsCodexBackend backend;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String loginUrl() {
        LoginUrl login = backend.loginUrl();
        return JsonProvider.provider().createObjectBuilder()
                .add("state", login.state())
                .add("login_url", login.url())
                .build().toString();
    }
}
