package com.altscodex.jakarta.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallbackPathCheckTest {

    @Path("/getinfo/")
    static class Callback extends CallbackEndpoint {
    }

    @Test
    void mountsJoinContextApplicationAndResourcePaths() {
        assertEquals("/api/getinfo", CallbackPathCheck.mount("", "api", "getinfo"));
        assertEquals("/game/api/getinfo", CallbackPathCheck.mount("/game", "/api/", "/getinfo/"));
        assertEquals("/", CallbackPathCheck.normalize("//"));
    }

    @Test
    void aMatchingRedirectPathPassesWithOrWithoutTrailingSlash() {
        assertNull(CallbackPathCheck.mismatch(CallbackPathCheck.normalize("/api/getinfo/"), "", List.of("api"),
                Callback.class));
        assertNull(CallbackPathCheck.mismatch("/api/getinfo", "", List.of("api"), Callback.class));
    }

    @Test
    void aMismatchNamesTheKeyBothPathsAndTheFix() {
        String problem = CallbackPathCheck.mismatch("/getinfo", "/shop", List.of("api"), Callback.class);
        assertTrue(problem.contains("altscodex.redirect-uri points at the path /getinfo"), problem);
        assertTrue(problem.contains("mounted at /shop/api/getinfo"), problem);
        assertTrue(problem.contains("altscodex.check-callback-path=false"), problem);
    }
}
