package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.adapter.ServerApis;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The WAR must deploy on Payara, WildFly and Open Liberty alike: only an adapter may use one
 * server's API, and nothing else may make a server load an adapter's class.
 */
class PortableCoreTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes");
    private static final String ADAPTERS = "com/altscodex/jakarta/adapter/";
    /** What each adapter package may import; nothing else may import any of these. */
    private static final Map<String, String> ADAPTER_APIS = Map.of(
            "jersey", "org.glassfish.jersey.",
            "mpmetrics", "org.eclipse.microprofile.metrics.",
            "micrometer", "io.micrometer.");
    private static final List<String> SERVER_APIS = List.of("org.glassfish.jersey.", "org.jboss.resteasy.",
            "fish.payara.", "com.sun.enterprise.", "org.glassfish.", "com.ibm.", "io.openliberty.", "org.wildfly.",
            "org.jboss.as.", "io.smallrye.", "io.micrometer.", "io.opentelemetry.", "org.apache.cxf.",
            "org.eclipse.microprofile.metrics.");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void onlyAnAdapterImportsAServerApiAndOnlyItsOwn() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String adapter = relative.startsWith(ADAPTERS) && relative.indexOf('/', ADAPTERS.length()) > 0
                        ? relative.substring(ADAPTERS.length(), relative.indexOf('/', ADAPTERS.length())) : null;
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    String imported = imports.group(1);
                    boolean serverApi = SERVER_APIS.stream().anyMatch(imported::startsWith);
                    boolean allowed = adapter != null && imported.startsWith(ADAPTER_APIS.getOrDefault(adapter, "-"));
                    if (serverApi && !allowed) {
                        violations.add(relative + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
        assertTrue(Files.exists(SOURCES.resolve(ADAPTERS + "jersey")), "the scan must see the adapters");
    }

    /**
     * What Weld does on every server: load each class and reflect on its members. With no server
     * API visible, every class outside the adapters must still link.
     */
    @Test
    void everyClassOutsideTheAdaptersLinksWithoutAnyServerApi() throws Exception {
        List<String> names;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            names = files.map(f -> CLASSES.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".class"))
                    .filter(f -> !f.startsWith(ADAPTERS) || f.indexOf('/', ADAPTERS.length()) < 0)
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        assertTrue(names.size() > 40, "the scan must see the module's classes: " + names.size());
        List<String> broken = new ArrayList<>();
        try (URLClassLoader bare = bareServer()) {
            for (String name : names) {
                try {
                    Class<?> type = Class.forName(name, false, bare);
                    type.getDeclaredMethods();
                    type.getDeclaredFields();
                    type.getDeclaredConstructors();
                    type.getGenericInterfaces();
                } catch (LinkageError | ClassNotFoundException e) {
                    broken.add(name + ": " + e);
                }
            }
            Class<?> apis = Class.forName(ServerApis.class.getName(), true, bare);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(bare);
            try {
                for (String api : List.of(ServerApis.JERSEY_LIFECYCLE, ServerApis.MP_METRICS, ServerApis.MICROMETER)) {
                    assertEquals(false, apis.getMethod("present", String.class).invoke(null, api), api);
                }
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theApisAreSeenWhereTheyExist() {
        assertTrue(ServerApis.present(ServerApis.JERSEY_LIFECYCLE), "the tests run with Jersey");
        assertTrue(ServerApis.present(ServerApis.MP_METRICS));
        assertFalse(ServerApis.present("com.example.NoSuchServerApi"));
    }

    /** The module's classes over a platform that has Jakarta EE and MicroProfile, but no server's own API. */
    private static URLClassLoader bareServer() throws IOException {
        ClassLoader platform = new ClassLoader(PortableCoreTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.altscodex.") || SERVER_APIS.stream().anyMatch(name::startsWith)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(new URL[] {CLASSES.toUri().toURL()}, platform);
    }
}
