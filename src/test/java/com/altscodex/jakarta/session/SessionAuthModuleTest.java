package com.altscodex.jakarta.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.RecordedResponse;
import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.ClientCredentials;
import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.SecuritySettings;
import com.altscodex.jakarta.config.SessionSettings;
import com.altscodex.jakarta.config.SigningKeys;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.guard.BrowserOrigins;
import com.altscodex.jakarta.guard.ClientAddresses;
import com.altscodex.jakarta.session.SessionTokens.Verdict;
import com.altscodex.jakarta.wire.SlotInfo;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import org.junit.jupiter.api.Test;

/** What the module tells the container, and what it answers itself, for each kind of request. */
class SessionAuthModuleTest {
    private static final AltsCodexSettings SETTINGS = AltsCodexSettings.of(ClientCredentials.of("c", "s"),
            "https://game.example/api/getinfo", URI.create("https://api.altscodex.com"), URI.create("https://altscodex.com"),
            Duration.ofSeconds(15))
            .withSession(new SessionSettings(true, SigningKeys.of(List.of(new byte[32])), Duration.ofHours(1), "game_session",
                    List.of("player", "tester"), true))
            .withSecurity(new SecuritySettings(Set.of("https://game.example"), Set.of(), List.of(), LimitSettings.DEFAULTS));
    private final Sessions sessions = new Sessions(SETTINGS, Clock.systemUTC());
    private final BrowserOrigins origins = new BrowserOrigins(SETTINGS, new Audit(event -> { }, Clock.systemUTC()),
            new ClientAddresses(List.of()));
    private final List<Callback> told = new ArrayList<>();
    private final SessionAuthModule module = new SessionAuthModule(new SessionCheck(sessions, origins));
    private final Subject client = new Subject();

    SessionAuthModuleTest() throws Exception {
        module.initialize(null, null, callbacks -> told.addAll(List.of(callbacks)), Map.of());
    }

    private String token() {
        return sessions.issue(new SlotInfo("slot-7", "at", "0x1", "nick", 1, "code")).orElseThrow().token();
    }

    @Test
    void aValidSessionIsTheCallerInTheConfiguredGroups() throws Exception {
        Exchange exchange = new Exchange("GET", Map.of("Authorization", "Bearer " + token()), false);
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(exchange.message(), client, null));
        assertEquals(2, told.size(), told.toString());
        CallerPrincipalCallback caller = assertInstanceOf(CallerPrincipalCallback.class, told.get(0));
        assertEquals("slot-7", caller.getPrincipal().getName());
        assertEquals(client, caller.getSubject());
        assertEquals(List.of("player", "tester"), List.of(assertInstanceOf(GroupPrincipalCallback.class, told.get(1)).getGroups()));
        assertInstanceOf(SessionUser.class, exchange.attributes.get(Sessions.USER));
    }

    @Test
    void withoutASessionAnOpenPathIsAnonymousAndAProtectedOneIs401InTheModulesJson() throws Exception {
        Exchange open = new Exchange("GET", Map.of(), false);
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(open.message(), client, null));
        assertNull(assertInstanceOf(CallerPrincipalCallback.class, told.get(0)).getPrincipal(), "a caller without a name");
        assertEquals(200, open.answer.status, "no status set");
        assertEquals("", open.body(), "nothing answered");
        assertNull(open.answer.header("Content-Type"), "nothing answered");

        Exchange guarded = new Exchange("GET", Map.of(), true);
        assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(guarded.message(), client, null));
        assertEquals(401, guarded.answer.status);
        assertTrue(guarded.body().contains("\"code\":\"SESSION_REQUIRED\""), guarded.body());
        assertEquals("Bearer realm=\"altscodex\"", guarded.answer.header("WWW-Authenticate"));
        assertEquals("application/json", guarded.answer.header("Content-Type"));
    }

    @Test
    void anAuthenticateCallOnAProtectedPathIsLeftToWhatRequiresTheCaller() throws Exception {
        Exchange asked = new Exchange("GET", Map.of(), true);
        asked.attributes.put("org.glassfish.soteria.security.message.request.authentication", Boolean.TRUE);
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(asked.message(), client, null));
        assertEquals(200, asked.answer.status, "no status set");
        assertEquals("", asked.body(), "Payara goes on to the @PermitAll method: nothing may be written");
        assertNull(asked.answer.header("Content-Type"), "Payara goes on to the @PermitAll method: nothing may be written");
    }

    @Test
    void aTamperedSessionIsAnonymousWithItsReasonKept() throws Exception {
        String token = token();
        Exchange tampered = new Exchange("GET", Map.of("Authorization", "Bearer " + token.substring(0, token.length() - 2) + "xx"),
                false);
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(tampered.message(), client, null));
        assertNull(((CallerPrincipalCallback) told.get(0)).getPrincipal());
        assertEquals(ErrorCode.SESSION_INVALID, ((Verdict) tampered.attributes.get(Sessions.REFUSED)).refusal());
    }

    @Test
    void aCookieOnAnUnsafeRequestFromAnotherSiteAuthenticatesNobody() throws Exception {
        Map<String, String> headers = Map.of("Cookie", "game_session=" + token(), "Origin", "https://evil.example",
                "Sec-Fetch-Site", "cross-site");
        Exchange open = new Exchange("POST", headers, false);
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(open.message(), client, null));
        assertNull(((CallerPrincipalCallback) told.get(0)).getPrincipal());
        assertEquals(ErrorCode.CROSS_SITE_REQUEST, ((Verdict) open.attributes.get(Sessions.REFUSED)).refusal());

        Exchange guarded = new Exchange("POST", headers, true);
        assertEquals(AuthStatus.SEND_FAILURE, module.validateRequest(guarded.message(), client, null));
        assertEquals(403, guarded.answer.status);
        assertTrue(guarded.body().contains("\"code\":\"CROSS_SITE_REQUEST\""), guarded.body());

        Exchange sameSite = new Exchange("POST", Map.of("Cookie", "game_session=" + token(), "Origin", "https://game.example"), false);
        told.clear();
        assertEquals(AuthStatus.SUCCESS, module.validateRequest(sameSite.message(), client, null));
        assertEquals("slot-7", ((CallerPrincipalCallback) told.get(0)).getPrincipal().getName());
    }

    @Test
    void itAnswersForServletMessagesAndSecuresResponsesAsTheyAre() throws Exception {
        assertEquals(List.of(HttpServletRequest.class, HttpServletResponse.class), List.of(module.getSupportedMessageTypes()));
        assertEquals(AuthStatus.SEND_SUCCESS, module.secureResponse(new Exchange("GET", Map.of(), false).message(), null));
    }

    /** A request and the answer written to it, as a container hands them over in a {@link MessageInfo}. */
    private static final class Exchange {
        final Map<String, Object> attributes = new HashMap<>();
        final RecordedResponse answer = new RecordedResponse();
        final HttpServletRequest request;
        final boolean mandatory;

        Exchange(String method, Map<String, String> requestHeaders, boolean mandatory) {
            this.mandatory = mandatory;
            Map<String, String> lower = new HashMap<>();
            requestHeaders.forEach((name, value) -> lower.put(name.toLowerCase(), value));
            request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getHeader" -> lower.get(((String) args[0]).toLowerCase());
                        case "getHeaders" -> java.util.Collections.enumeration(lower.containsKey(((String) args[0]).toLowerCase())
                                ? List.of(lower.get(((String) args[0]).toLowerCase())) : List.of());
                        case "getMethod" -> method;
                        case "getScheme" -> "https";
                        case "getRemoteAddr" -> "127.0.0.1";
                        case "getRequestURI" -> "/api/me";
                        case "getServletPath" -> "/api";
                        case "getCookies" -> lower.containsKey("cookie")
                                ? new Cookie[] {new Cookie(lower.get("cookie").substring(0, lower.get("cookie").indexOf('=')),
                                        lower.get("cookie").substring(lower.get("cookie").indexOf('=') + 1))}
                                : null;
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        default -> null;
                    });
        }

        String body() {
            return answer.body.toString(StandardCharsets.UTF_8);
        }

        MessageInfo message() {
            Map<String, Object> map = new HashMap<>();
            if (mandatory) {
                map.put("jakarta.security.auth.message.MessagePolicy.isMandatory", "true");
            }
            return new MessageInfo() {
                @Override
                public Object getRequestMessage() {
                    return request;
                }

                @Override
                public Object getResponseMessage() {
                    return answer.response();
                }

                @Override
                public void setRequestMessage(Object message) {
                }

                @Override
                public void setResponseMessage(Object message) {
                }

                @Override
                public Map<String, Object> getMap() {
                    return map;
                }
            };
        }
    }
}
