package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.config.SettingsReader;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The guides' worst pitfall: a callback mounted where the redirect URI does not point answers
 * 404 to the DeOAuth server, and every login times out unexplained. At deployment this compares
 * the path of {@code altscodex.redirect-uri} with where each callback endpoint is mounted
 * (context root + application path + resource path). For our WAR a mismatch fails the start of
 * the application ({@link CallbackPathValidation} fails the deployment itself earlier when the
 * part below the context root is wrong); an embedder's own mount only gets a WARNING, as a proxy
 * may rewrite its paths.
 */
@HandlesTypes({Application.class, CallbackEndpoint.class})
public class CallbackPathCheck implements ServletContainerInitializer {
    private static final Logger LOG = Logger.getLogger(CallbackPathCheck.class.getName());
    static final String OUR_CALLBACK = "com.altscodex.jakarta.app.CallbackResource";
    static final String OUR_APPLICATION = "com.altscodex.jakarta.app.AltsCodexApplication";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        if (classes == null) {
            return;
        }
        var config = ConfigProvider.getConfig();
        Optional<String> redirect = config.getOptionalValue(SettingsReader.REDIRECT_URI, String.class);
        boolean enforce = enforced(config);
        String expected;
        try {
            expected = normalize(URI.create(redirect.orElseThrow().trim()).getRawPath());
        } catch (RuntimeException missingOrMalformed) {
            return; // the configuration check names this key
        }
        List<String> applicationPaths = new ArrayList<>();
        List<Class<?>> callbacks = new ArrayList<>();
        for (Class<?> type : classes) {
            if (Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            if (Application.class.isAssignableFrom(type) && type.isAnnotationPresent(ApplicationPath.class)) {
                applicationPaths.add(type.getAnnotation(ApplicationPath.class).value());
            } else if (CallbackEndpoint.class.isAssignableFrom(type) && type.isAnnotationPresent(Path.class)) {
                callbacks.add(type);
            }
        }
        for (Class<?> callback : callbacks) {
            String problem = mismatch(expected, context.getContextPath(), applicationPaths, callback);
            if (problem == null) {
                continue;
            }
            if (enforce && callback.getName().equals(OUR_CALLBACK)) {
                LOG.severe(problem);
                throw new ServletException(problem);
            }
            LOG.warning(problem);
        }
    }

    /** What is wrong when no mount of {@code callback} equals the redirect URI's path, else null. */
    static String mismatch(String expected, String contextPath, List<String> applicationPaths, Class<?> callback) {
        List<String> mounts = applicationPaths.stream()
                .map(app -> mount(contextPath, app, callback.getAnnotation(Path.class).value()))
                .toList();
        if (mounts.isEmpty() || mounts.contains(expected)) {
            return null;
        }
        return problem(expected, callback, mounts);
    }

    /**
     * Before the context root is known: what is wrong when the redirect URI's path does not even
     * end in our WAR's application and callback paths, else null (also when this is not our WAR).
     */
    static String ourWarMismatch(String redirectUri, ClassLoader loader) {
        Class<?> callback;
        Class<?> application;
        try {
            callback = Class.forName(OUR_CALLBACK, false, loader);
            application = Class.forName(OUR_APPLICATION, false, loader);
        } catch (ClassNotFoundException | LinkageError embedded) {
            return null;
        }
        String expected;
        try {
            expected = normalize(URI.create(redirectUri.trim()).getRawPath());
        } catch (RuntimeException malformed) {
            return null; // the configuration check names this key
        }
        String below = mount("", application.getAnnotation(ApplicationPath.class).value(),
                callback.getAnnotation(Path.class).value());
        return expected.endsWith(below) ? null : problem(expected, callback, List.of("<context root>" + below));
    }

    private static String problem(String expected, Class<?> callback, List<String> mounts) {
        return SettingsReader.REDIRECT_URI + " points at the path " + expected + ", but the callback "
                + callback.getSimpleName() + " is mounted at " + String.join(" and ", mounts)
                + ": the DeOAuth server's callbacks would get 404 and every login would time out. Set "
                + SettingsReader.REDIRECT_URI + " to this server's URL ending in " + mounts.get(0)
                + " (and register it at the Developer Center), or set "
                + SettingsReader.CHECK_CALLBACK_PATH + "=false if a proxy rewrites the path.";
    }

    /** Whether a mismatch stops our WAR ({@code altscodex.check-callback-path}, true unless "false"). */
    static boolean enforced(Config config) {
        return config.getOptionalValue(SettingsReader.CHECK_CALLBACK_PATH, String.class)
                .map(v -> !v.trim().equalsIgnoreCase("false")).orElse(true);
    }

    static String mount(String contextPath, String applicationPath, String resourcePath) {
        return normalize(contextPath + "/" + applicationPath + "/" + resourcePath);
    }

    /** JAX-RS serves a path with or without its trailing slash, so compare without one. */
    static String normalize(String path) {
        String collapsed = ("/" + (path == null ? "" : path)).replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }
}
