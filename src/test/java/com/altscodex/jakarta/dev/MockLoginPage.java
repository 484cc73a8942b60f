package com.altscodex.jakarta.dev;

import jakarta.json.spi.JsonProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The platform's browser login page, {@code /oauth/login}, as the mock serves it. It plays the
 * AltsCodex popup: GET shows a "log in as …" form where a person picks a name and what the mock
 * should do with the login; POST issues a JWT whose first word names that behaviour and hands it
 * to the window that opened the popup with {@code postMessage({from: "altscodex", jwt}, origin)}.
 * The origin is the one of the client's redirect URI, so no other page can receive the JWT.
 */
final class MockLoginPage {
    static final String PATH = "/oauth/login";
    static final int MAX_NAME = 24;

    /** What the page answers: an HTTP status and an HTML document. */
    record Page(int status, String html) {
    }

    private final String clientId;
    private final BiFunction<MockBehaviour, String, String> jwtIssuer;

    /** @param jwtIssuer makes the JWT for a behaviour and a user name */
    MockLoginPage(String clientId, BiFunction<MockBehaviour, String, String> jwtIssuer) {
        this.clientId = clientId;
        this.jwtIssuer = jwtIssuer;
    }

    Page answer(RecordedRequest request) {
        boolean submitted = "POST".equals(request.method());
        Map<String, String> params = submitted ? RecordedRequest.parseQuery(request.body()) : request.query();
        String problem = problemWith(params, submitted);
        if (problem != null) {
            return new Page(400, document("This login link does not work",
                    "<p>" + escape(problem) + "</p><p>Start the login again from the application.</p>"));
        }
        String origin = originOf(params.get("redirect_uri")).orElseThrow();
        if (!submitted) {
            return new Page(200, form(params, origin));
        }
        MockBehaviour behaviour = MockBehaviour.parse(params.get("behaviour"));
        String name = userName(params.get("name"));
        return new Page(200, handOver(name, jwtIssuer.apply(behaviour, name), origin));
    }

    /** Why these parameters cannot log anyone in, or null when they can. */
    private String problemWith(Map<String, String> params, boolean submitted) {
        if (!clientId.equals(params.get("client_id"))) {
            return "client_id '" + params.getOrDefault("client_id", "") + "' is not the client this mock serves ("
                    + clientId + ").";
        }
        if (originOf(params.get("redirect_uri")).isEmpty()) {
            return "redirect_uri is missing or is not an absolute http(s) URL.";
        }
        if (params.getOrDefault("state", "").isBlank()) {
            return "state is missing: every login URL carries one, it is the guard against forged logins.";
        }
        if (!submitted && !"code".equals(params.get("response_type"))) {
            return "response_type must be 'code'.";
        }
        if (submitted && MockBehaviour.byWord(params.getOrDefault("behaviour", "")).isEmpty()) {
            return "behaviour '" + params.getOrDefault("behaviour", "") + "' is not one the mock knows.";
        }
        return null;
    }

    private String form(Map<String, String> params, String origin) {
        StringBuilder options = new StringBuilder();
        for (MockBehaviour behaviour : MockBehaviour.values()) {
            options.append("<option value=\"").append(behaviour.word()).append('"')
                    .append(behaviour == MockBehaviour.SUCCESS ? " selected" : "").append('>')
                    .append(behaviour.word()).append(" — ").append(escape(behaviour.description()))
                    .append("</option>");
        }
        return document("Log in to AltsCodex",
                "<form method=\"post\" action=\"" + PATH + "\">"
                + hidden("client_id", params.get("client_id"))
                + hidden("redirect_uri", params.get("redirect_uri"))
                + hidden("state", params.get("state"))
                + "<label for=\"name\">Log in as</label>"
                + "<input id=\"name\" name=\"name\" value=\"alice\" maxlength=\"" + MAX_NAME
                + "\" pattern=\"[A-Za-z0-9]+\" title=\"letters and digits\" required autofocus>"
                + "<label for=\"behaviour\">What should happen</label>"
                + "<select id=\"behaviour\" name=\"behaviour\">" + options + "</select>"
                + "<button id=\"login\" type=\"submit\">Log in</button>"
                + "</form>"
                + "<p class=\"note\">The JWT goes only to <code>" + escape(origin)
                + "</code>, the origin of this client's redirect URI.</p>");
    }

    private static String handOver(String name, String jwt, String origin) {
        JsonProvider json = JsonProvider.provider();
        String message = json.createObjectBuilder().add("from", "altscodex").add("jwt", jwt).build().toString();
        // the values sit inside a <script>: a '<' could end it early
        String script = "(function () {"
                + "var message = " + message.replace("<", "\\u003c") + ";"
                + "var origin = " + json.createValue(origin).toString().replace("<", "\\u003c") + ";"
                + "var status = document.getElementById('status');"
                + "if (!window.opener) {"
                + " status.textContent = 'No application window opened this page: start the login from the application.';"
                + " return; }"
                + "window.opener.postMessage(message, origin);"
                + "status.textContent = 'Done: this window closes now.';"
                + "window.close();"
                + "})();";
        return document("Logged in as " + escape(name),
                "<p id=\"status\">Handing the login to <code>" + escape(origin) + "</code>…</p>"
                + "<script>" + script + "</script>");
    }

    private static String document(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>AltsCodex (mock): " + title + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;background:#f4f1ea;color:#222}"
                + "main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;"
                + "box-shadow:0 1px 4px rgba(0,0,0,.15)}"
                + "h1{font-size:1.3rem;margin-top:0}label{display:block;margin:1rem 0 .3rem;font-weight:600}"
                + "input,select,button{font:inherit;width:100%;box-sizing:border-box;padding:.45rem}"
                + "button{margin-top:1.2rem;background:#1d4ed8;color:#fff;border:0;border-radius:4px;cursor:pointer}"
                + ".warning{margin-top:0;background:#fff4d6;border-left:4px solid #e0a400;padding:.5rem .7rem}"
                + ".note{font-size:.85rem;color:#555}"
                + "</style></head><body><main>"
                + "<p class=\"warning\">Mock AltsCodex for development: it logs anyone in, no password asked.</p>"
                + "<h1>" + title + "</h1>" + body + "</main></body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    /** Letters and digits only, so the name stays the JWT's last word (the slot's nickname). */
    static String userName(String typed) {
        String name = typed == null ? "" : typed.replaceAll("[^A-Za-z0-9]", "");
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        return name.isEmpty() ? "player" : name;
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, the form postMessage targets. */
    static Optional<String> originOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
