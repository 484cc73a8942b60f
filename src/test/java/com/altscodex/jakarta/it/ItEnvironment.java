package com.altscodex.jakarta.it;

import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What failsafe gives the Arquillian-managed server (see the pom): its port, and the client
 * and mock DeOAuth server that its ALTSCODEX_* variables point at.
 */
public final class ItEnvironment {
    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port");
    /** The session signing key the servers under test are given (ALTSCODEX_SESSION_SIGNING_KEYS). */
    public static final String SESSION_KEY = System.getProperty("it.session.key");

    private ItEnvironment() {
    }

    /**
     * The WAR this build made, as an operator deploys it: named ROOT.war, which WildFly serves at
     * {@code /} (Payara Micro is told {@code --contextroot /} as well).
     */
    static WebArchive builtWar() {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war"))));
    }

    /**
     * An application of a test's own, named and described so that every server serves it at
     * {@code /}: WildFly takes the context root from the name ROOT.war, Open Liberty from
     * ibm-web-ext.xml, and Payara Micro is told so on its command line.
     */
    public static WebArchive atRoot(WebArchive archive) {
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(archive)
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/ibm-web-ext.xml"), "ibm-web-ext.xml");
    }

    /** The mock on the port that ALTSCODEX_AUTH_SERVER_URL names, for the client the server is given. */
    static MockDeOAuthExtension deoauth() {
        return MockDeOAuthExtension.forClient("it-client", "it-secret-5f2c9a7e1d")
                .onPort(Integer.getInteger("it.mock.port"));
    }
}
