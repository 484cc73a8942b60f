package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What each artifact of the build holds: the kit reaches integrators' tests and nothing else. */
class PackagingIT {
    private static final String WAR = System.getProperty("it.war");

    @Test
    void theTestsJarHoldsTheDevelopmentKitAlone() throws IOException {
        List<String> classes = entries(WAR.replace(".war", "-tests.jar")).stream()
                .filter(name -> !name.startsWith("META-INF/") && !name.endsWith("/")).toList();
        assertTrue(classes.contains("com/altscodex/jakarta/testkit/MockDeOAuthExtension.class"), classes.toString());
        assertTrue(classes.contains("com/altscodex/jakarta/dev/MockDeOAuthServer.class"), classes.toString());
        assertTrue(classes.contains("com/altscodex/jakarta/dev/MockDeOAuthMain.class"), classes.toString());
        for (String name : classes) {
            assertTrue(name.startsWith("com/altscodex/jakarta/testkit/") || name.startsWith("com/altscodex/jakarta/dev/"),
                    "the kit holds " + name);
            assertFalse(name.endsWith("Test.class") || name.contains("Test$"), "a test of ours in the kit: " + name);
        }
    }

    @Test
    void noTestOrDevelopmentCodeReachesTheWarOrTheClassesJar() throws IOException {
        for (String artifact : List.of(WAR, WAR.replace(".war", "-classes.jar"))) {
            for (String name : entries(artifact)) {
                assertTrue(!name.contains("testkit") && !name.contains("junit") && !name.contains("selenium")
                        && !name.contains("/recipe/") && !name.contains("/it/") && !name.contains("/dev/")
                        && !name.contains("parsson"), artifact + " holds " + name);
            }
        }
    }

    @Test
    void theWarServesTheDemoAtRootOnEveryServer() throws IOException {
        List<String> war = entries(WAR);
        assertTrue(war.contains("index.html"), war.toString());
        assertTrue(war.contains("WEB-INF/ibm-web-ext.xml"), "Open Liberty's context root");
        assertTrue(entries(WAR.replace(".war", "-classes.jar")).stream().noneMatch(name -> name.contains("/app/")));
    }

    /**
     * WEB-INF/lib holds what NOTICE names: Lettuce and its Netty, Reactor and Reactive Streams, no
     * SLF4J (whose 1.7 API, unbound, printed warnings and made Payara 7 log an NPE on each deploy).
     */
    @Test
    void theWarBundlesLettuceAndWhatItNeedsOnly() throws IOException {
        for (String name : entries(WAR)) {
            if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                String jar = name.substring("WEB-INF/lib/".length());
                assertTrue(jar.startsWith("lettuce-core-") || jar.startsWith("netty-") || jar.startsWith("reactor-core-")
                        || jar.startsWith("reactive-streams-"), "the WAR bundles " + jar + ": NOTICE must name it");
            }
        }
    }

    private static List<String> entries(String archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive)) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
