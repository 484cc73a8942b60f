package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.config.RequestLimits;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.UnsupportedMediaTypeException;
import jakarta.json.JsonException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the JWT out of a login body, strictly: one JSON object ({@code {"jwt": "…"}}) or a form
 * ({@code jwt=…}), valid UTF-8, nothing after it, and a JWT made only of the characters a JWT has.
 * Anything else is refused before the DeOAuth server is asked.
 */
final class LoginBody {
    static final String NO_JWT = "a JWT is required: send {\"jwt\": \"…\"} as JSON or jwt=… as a form";
    private static final JsonProvider JSON = JsonProvider.provider();

    private LoginBody() {
    }

    /**
     * @param contentType the request's Content-Type header, or null
     * @param body the whole body, already bounded by {@code altscodex.max-body}
     * @throws AltsCodexException 400 or 415 saying what is wrong, never quoting the body
     */
    static String jwt(String contentType, byte[] body, RequestLimits limits) {
        String jwt = optionalJwt(contentType, body, limits);
        if (jwt == null) {
            throw new BadRequestException(NO_JWT);
        }
        return jwt;
    }

    /**
     * As {@link #jwt}, for a body where the JWT may be left out (a logout): null for an empty body
     * or one without a {@code jwt}; any other fault is refused as there.
     */
    static String optionalJwt(String contentType, byte[] body, RequestLimits limits) {
        String jwt = member(contentType, body, "jwt");
        if (jwt == null || jwt.isEmpty()) {
            return null;
        }
        if (jwt.length() > limits.maxJwtLength()) {
            throw new BadRequestException("the JWT is longer than " + limits.maxJwtLength()
                    + " characters (altscodex.max-jwt-length)");
        }
        if (!jwtShaped(jwt)) {
            throw new BadRequestException("the JWT holds characters no JWT has (only A-Z a-z 0-9 - _ . are used)");
        }
        return jwt;
    }

    /**
     * The string member {@code name} of the one JSON object (or the one field of the form) the body
     * holds, read as strictly as a JWT is; null for an empty body or where it is absent.
     */
    static String member(String contentType, byte[] body, String name) {
        if (body.length == 0) {
            return null;
        }
        return switch (kindOf(contentType)) {
            case FORM -> formField(text(body), name);
            case JSON -> jsonMember(text(body), name);
        };
    }

    private enum Kind { JSON, FORM }

    /**
     * JSON for {@code application/json}, {@code …+json}, {@code text/plain} (what {@code fetch}
     * sends when the page sets no type) and no type at all; a form for
     * {@code application/x-www-form-urlencoded}. A charset other than UTF-8 is refused: JSON is UTF-8
     * (RFC 8259), and a form's bytes are ASCII.
     */
    private static Kind kindOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Kind.JSON;
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8") && !charset.equals("us-ascii")) {
                    throw new UnsupportedMediaTypeException("only UTF-8 is accepted: send charset=utf-8 or none");
                }
            }
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return Kind.FORM;
        }
        if (type.equals("application/json") || type.equals("text/plain")
                || (type.startsWith("application/") && type.endsWith("+json"))) {
            return Kind.JSON;
        }
        throw new UnsupportedMediaTypeException("send the body as application/json or application/x-www-form-urlencoded");
    }

    private static String text(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the body is not valid UTF-8");
        }
    }

    /** The string member {@code name} of the one JSON object the text holds; null when absent. */
    private static String jsonMember(String text, String name) {
        if (text.isBlank()) {
            return null;
        }
        String found = null;
        boolean seen = false;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new BadRequestException("the body is not a JSON object: send {\"" + name + "\": \"…\"}");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                boolean wanted = parser.getString().equals(name);   // event is KEY_NAME inside an object
                if (wanted && seen) {
                    throw new BadRequestException("the body names \"" + name + "\" twice");
                }
                seen |= wanted;
                JsonParser.Event value = parser.next();
                switch (value) {
                    case VALUE_STRING -> found = wanted ? parser.getString() : found;
                    case START_OBJECT -> parser.skipObject();
                    case START_ARRAY -> parser.skipArray();
                    default -> {
                        // numbers, booleans and null are skipped; a non-string jwt counts as none
                    }
                }
            }
            if (parser.hasNext()) {
                throw new BadRequestException("the body holds more than one JSON object");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException malformed) {
            // the parser's message quotes the body: say only what is wrong
            throw new BadRequestException("the body is not well-formed JSON: send {\"" + name + "\": \"…\"}");
        }
        return found;
    }

    /** The one value of {@code name} in a URL-encoded form; null when absent. */
    private static String formField(String text, String name) {
        String found = null;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = percentDecoded(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                if (found != null) {
                    throw new BadRequestException("the form names \"" + name + "\" twice");
                }
                found = eq < 0 ? "" : percentDecoded(pair.substring(eq + 1));
            }
        }
        return found;
    }

    /** Strict form decoding: a {@code %} must start two hex digits, and the bytes must be UTF-8. */
    private static String percentDecoded(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new BadRequestException("the form has a % that does not start two hex digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new BadRequestException("the form has characters that are not URL-encoded");
            }
        }
        return text(bytes.toByteArray());
    }

    /** Base64url segments joined by dots (padding tolerated): what a compact JWT is made of. */
    private static boolean jwtShaped(String jwt) {
        for (int i = 0; i < jwt.length(); i++) {
            char c = jwt.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '=';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
