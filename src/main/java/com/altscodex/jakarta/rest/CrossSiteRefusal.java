package com.altscodex.jakarta.rest;

import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.guard.BrowserOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;

/** The first step of every state-changing browser endpoint: a page of another site changes nothing. */
final class CrossSiteRefusal {
    private CrossSiteRefusal() {
    }

    /** Whether the request came from a page that may not change state here; it then has its 403 already. */
    static boolean answered(BrowserOrigins origins, HttpServletRequest request, AsyncResponse response) {
        AltsCodexException crossSite = origins.refusal(request);
        if (crossSite == null) {
            return false;
        }
        response.resume(LoginJson.failure(crossSite));
        return true;
    }
}
