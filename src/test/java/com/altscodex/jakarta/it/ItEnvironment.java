package com.altscodex.jakarta.it;

import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What failsafe gives the Arquillian-managed server (see the pom): its port, and the client
 * and mock DeOAuth server that its ALTSCODEX_* variables point at.
 */
final class ItEnvironment {
    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");

    private ItEnvironment() {
    }

    /** The WAR this build made, as an operator deploys it. */
    static WebArchive builtWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    /** The mock on the port that ALTSCODEX_AUTH_SERVER_URL names, for the client the server is given. */
    static MockDeOAuthExtension deoauth() {
        return MockDeOAuthExtension.forClient("it-client", "it-secret-5f2c9a7e1d")
                .onPort(Integer.getInteger("it.mock.port"));
    }
}
