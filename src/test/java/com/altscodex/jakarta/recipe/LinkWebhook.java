package com.altscodex.jakarta.recipe;

import com.altscodex.jakarta.links.WebhookSignature;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A chatbot's receiver of login-link outcomes: it trusts a body only once its signature holds. */
@Path("altscodex-webhook")
public class LinkWebhook {
    private static final byte[] SECRET = System.getenv().getOrDefault("LINKS_WEBHOOK_SECRET", "")
            .getBytes(StandardCharsets.UTF_8);
    private static final Pattern TIME = Pattern.compile("t=(\\d+)");
    private static final Pattern NONCE = Pattern.compile("\"nonce\":\"([0-9a-f]+)\"");
    private static final Map<String, Instant> SEEN = new ConcurrentHashMap<>();

    @POST
    public Response outcome(@HeaderParam(WebhookSignature.HEADER) String signature, String body) {
        if (signature == null || !WebhookSignature.verifies(SECRET, signature, body)) {
            return Response.status(400).build(); // 4xx: never retried
        }
        Matcher time = TIME.matcher(signature);
        if (!time.find() || Instant.ofEpochSecond(Long.parseLong(time.group(1))).isBefore(Instant.now().minusSeconds(300))) {
            return Response.status(400).build(); // a replay of an old delivery
        }
        Matcher nonce = NONCE.matcher(body);
        if (nonce.find() && SEEN.putIfAbsent(nonce.group(1), Instant.now()) != null) {
            return Response.ok().build(); // a retry of an event already handled
        }
        // parse body: {"id", "subject", "status", "slot", "session_token", ...}, and tell the user in the chat
        return Response.ok().build();
    }
}
