package com.altscodex.jakarta.app;

import com.altscodex.jakarta.lifecycle.ServerAdaptersFeature;
import com.altscodex.jakarta.rest.AltsCodexExceptionMapper;
import com.altscodex.jakarta.rest.HttpErrorMapper;
import com.altscodex.jakarta.rest.SessionRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The deployable WAR's JAX-RS application at {@code /api}. This package is left out of the
 * published classes jar, so an application that embeds the module mounts its own paths.
 *
 * <p>Its classes are listed rather than scanned: a scan also finds the DeOAuth Rest Client
 * interface and takes its {@code @Path} methods for endpoints of ours.
 */
@ApplicationPath("api")
public class AltsCodexApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(LoginResource.class, CallbackResource.class, LoginUrlResource.class, MeResource.class,
                LogoutResource.class, LoginLinksResource.class, LinkPageResource.class, AltsCodexExceptionMapper.class, HttpErrorMapper.class, ServerAdaptersFeature.class,
                SessionRoles.class);
    }

    /** No generated description of the resources (Jersey serves WADL by default): /openapi is the one. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
