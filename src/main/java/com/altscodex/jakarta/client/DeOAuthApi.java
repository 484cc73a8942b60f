package com.altscodex.jakarta.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The DeOAuth server's four endpoints as a MicroProfile Rest Client. Every method answers the raw
 * {@link Response} (the default exception mapper is switched off) so that {@link DeOAuthClient}
 * reads a {@code success:false} body even on a non-2xx status. The methods block: a
 * {@link DeOAuthTransport} runs each call on a managed executor and hands back a stage, so that
 * MicroProfile Fault Tolerance sees every call's outcome (Payara's circuit breaker does not
 * watch how a returned CompletionStage ends).
 *
 * <p>No {@code @Path} on the interface: JAX-RS scanning in the server would take it for a resource.
 */
public interface DeOAuthApi extends AutoCloseable {

    /**
     * {@code respose_type} is misspelled on purpose: the server expects the typo, and the correct
     * spelling must not be sent here (it is right only in the browser login URL).
     */
    @GET
    @Path("v1/oauth-meta/authorize")
    @Produces(MediaType.APPLICATION_JSON)
    Response authorize(@HeaderParam("Authorization") String bearer,
            @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("respose_type") String resposeType,
            @QueryParam("state") String state);

    @POST
    @Path("v1/oauth-meta/get_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response getToken(@HeaderParam("Authorization") String basic, String body);

    @POST
    @Path("oauth/token/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response refresh(String body);

    @POST
    @Path("oauth/logout")
    @Produces(MediaType.APPLICATION_JSON)
    Response logout(@HeaderParam("Authorization") String bearer);

    @Override
    void close();
}
