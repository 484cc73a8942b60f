package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.error.AltsCodexException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Lets any resource throw (or resume with) an {@link AltsCodexException} and answer its status. */
@Provider
public class AltsCodexExceptionMapper implements ExceptionMapper<AltsCodexException> {

    @Override
    public Response toResponse(AltsCodexException exception) {
        return LoginJson.failure(exception);
    }
}
