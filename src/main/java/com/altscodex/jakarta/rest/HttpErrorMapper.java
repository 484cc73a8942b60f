package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.error.ErrorCode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The JAX-RS runtime's own refusals (no such resource, a method the resource does not take, a
 * media type it cannot read) in the module's JSON error format, with their headers (a 405 keeps
 * its {@code Allow}). Mapped, they are answers, not errors: Open Liberty logged each unmapped 405
 * as a warning with a stack trace.
 *
 * <p>Not a {@code @Provider}: it would reshape the errors of every resource in an application that
 * embeds the module. The WAR registers it for its own {@code /api}.
 */
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        // the exception's message can quote the request; the status says enough
        Response answer = LoginJson.failure(status, codeOf(status), reasonOf(status));
        Response.ResponseBuilder builder = Response.fromResponse(answer);
        if (original != null) {
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        return builder.build();
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST.name();
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE.name();
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.name();
            default -> status >= 500 ? "INTERNAL" : "HTTP_" + status;
        };
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
    }
}
