package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's packages, from the bottom up: each may use the packages below it and none above,
 * so that a part can be read, tested and moved into a module of its own without what is built on
 * it. Read from the class files, so a fully qualified name in code counts as much as an import.
 */
class LayeringTest {
    private static final String ROOT = "com.altscodex.jakarta";
    /** "" is the backend itself, {@code com.altscodex.jakarta}; a package includes its subpackages. */
    static final List<String> BOTTOM_UP = List.of(
            "config",      // the settings as read and checked, and the executors the container gives
            "error",       // the sealed exception family and its JSON
            "wire",        // the DeOAuth server's answers as records
            "audit",       // the security events
            "pending",     // the waiting logins, in memory or in Redis
            "metrics",     // what the backend reports
            "health",      // readiness as the DeOAuth server's answers make it
            "client",      // the Rest Client for the DeOAuth server
            "guard",       // origins, client addresses, budgets on guessing
            "session",     // the sessions a login issues and the Jakarta Security mechanism
            "",            // the backend
            "links",       // login links, built on the backend and sessions
            "adapter",     // one server's API each
            "operations",  // the health checks and the metrics adapters, which read the backend
            "lifecycle",   // the shutdown signals
            "rest",        // the JAX-RS surface
            "app");        // the WAR's own /api application

    private static JavaClasses classes;

    @BeforeAll
    static void importTheModule() {
        // the module's own class files only: what they point at outside the module is not read
        classes = new ClassFileImporter().importPath(Path.of("target/classes"));
    }

    @Test
    void noPackageUsesOneAboveIt() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass origin : classes) {
            int from = layer(origin);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (!target.getPackageName().startsWith(ROOT)) {
                    continue;
                }
                int to = layer(target);
                if (to > from) {
                    violations.add(name(from) + " uses " + name(to) + ": " + origin.getName() + " -> " + target.getName());
                }
            }
        }
        assertEquals(Set.of(), violations, "a package may use only those below it in LayeringTest.BOTTOM_UP");
    }

    @Test
    void everyPackageHasItsPlace() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            if (!BOTTOM_UP.contains(unit(javaClass))) {
                unplaced.add(javaClass.getPackageName());
            }
        }
        assertEquals(Set.of(), unplaced, "place each new package in LayeringTest.BOTTOM_UP");
        assertTrue(classes.size() > 100, "the scan must see the module's classes, saw " + classes.size());
    }

    private static int layer(JavaClass javaClass) {
        int index = BOTTOM_UP.indexOf(unit(javaClass));
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String unit(JavaClass javaClass) {
        String inModule = javaClass.getPackageName().equals(ROOT) ? "" : javaClass.getPackageName().substring(ROOT.length() + 1);
        int dot = inModule.indexOf('.');
        return dot < 0 ? inModule : inModule.substring(0, dot);
    }

    private static String name(int layer) {
        if (layer == Integer.MAX_VALUE) {
            return "an unplaced package";
        }
        String unit = BOTTOM_UP.get(layer);
        return unit.isEmpty() ? "the backend (" + ROOT + ")" : unit;
    }
}
