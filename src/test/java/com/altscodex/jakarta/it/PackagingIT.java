package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theTestsJarHoldsTheKitAlone() throws IOException {
        List<String> classes = entries(WAR.replace(".war", "-tests.jar")).stream()
                .filter(name -> !name.startsWith("META-INF/") && !name.endsWith("/")).toList();
        assertEquals(List.of("com/altscodex/jakarta/testkit/MockDeOAuthExtension.class"), classes);
    }

    @Test
    void noTestCodeReachesTheWarOrTheClassesJar() throws IOException {
        for (String artifact : List.of(WAR, WAR.replace(".war", "-classes.jar"))) {
            for (String name : entries(artifact)) {
                assertTrue(!name.contains("testkit") && !name.contains("junit") && !name.contains("selenium")
                        && !name.contains("/recipe/") && !name.contains("/it/"), artifact + " holds " + name);
            }
        }
    }

    @Test
    void theWarServesTheDemoAndCarriesTheMock() throws IOException {
        List<String> war = entries(WAR);
        assertTrue(war.contains("index.html"), war.toString());
        assertTrue(war.contains("WEB-INF/classes/com/altscodex/jakarta/dev/MockLoginPage.class"), war.toString());
        assertTrue(entries(WAR.replace(".war", "-classes.jar")).stream().noneMatch(name -> name.contains("/app/")));
    }

    private static List<String> entries(String archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive)) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }
}
