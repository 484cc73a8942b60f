package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.TokenSet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client secret is reachable from no public method and no {@code toString}. */
class SecretExposureTest {
    private static final String SECRET = "never-show-me-0b8d41";

    private final AltsCodexSettings settings = AltsCodexSettings.of(ClientCredentials.of("client", SECRET),
            "http://127.0.0.1:1/cb", URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1"),
            Duration.ofSeconds(1));

    /** Calls every public no-argument method that answers something, and the answers' own. */
    private static List<String> everythingReachable(Object root) throws Exception {
        List<String> seen = new ArrayList<>();
        List<Object> queue = new ArrayList<>(List.of(root));
        Set<String> skip = Set.of("shutdown", "hashCode", "getClass", "notify", "notifyAll", "wait");
        for (int i = 0; i < queue.size() && i < 200; i++) {
            Object value = queue.get(i);
            seen.add(String.valueOf(value));
            // the JDK's own types answer nothing of ours beyond their toString
            if (value == null || !value.getClass().getName().startsWith("com.altscodex.")) {
                continue;
            }
            for (Method method : value.getClass().getMethods()) {
                if (method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && !Modifier.isStatic(method.getModifiers()) && !skip.contains(method.getName())) {
                    queue.add(method.invoke(value));
                }
            }
        }
        return seen;
    }

    @Test
    void noPublicMethodOfTheSettingsAnswersTheSecret() throws Exception {
        for (String text : everythingReachable(settings)) {
            assertFalse(text.contains(SECRET), text);
        }
    }

    @Test
    void noPublicMethodOfTheBackendAnswersTheSecret() throws Exception {
        AltsCodexBackend backend = AltsCodexBackend.standalone(settings);
        try {
            for (String text : everythingReachable(backend)) {
                assertFalse(text.contains(SECRET), text);
            }
        } finally {
            backend.shutdown();
        }
    }

    @Test
    void credentialsAnswerOnlyTheClientIdAndSignOnlyWhenAsked() {
        List<String> publicInstanceMethods = Arrays.stream(ClientCredentials.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName).sorted().toList();
        // no accessor: the one way to the secret takes the request that is to be signed with it
        assertEquals(List.of("clientId", "sign", "toString"), publicInstanceMethods);
        Method sign = Arrays.stream(ClientCredentials.class.getMethods()).filter(m -> m.getName().equals("sign"))
                .findFirst().orElseThrow();
        assertEquals(1, sign.getParameterCount());
        ClientCredentials credentials = ClientCredentials.of("c", SECRET);
        assertFalse(credentials.toString().contains(SECRET));
        assertEquals("c:" + SECRET, credentials.sign((id, secret) -> id + ":" + secret));
    }

    @Test
    void tokensAndCodesStayOutOfToString() {
        SlotInfo slot = new SlotInfo("id-1", "access-xyz", "0x1", "nick", 1, "code-xyz");
        assertFalse(slot.toString().contains("access-xyz"));
        assertFalse(slot.toString().contains("code-xyz"));
        TokenSet tokens = new TokenSet("access-xyz", "refresh-xyz", "code-xyz");
        assertFalse(tokens.toString().matches(".*(access|refresh|code)-xyz.*"));
    }
}
