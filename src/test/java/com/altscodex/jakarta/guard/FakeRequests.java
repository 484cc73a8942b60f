package com.altscodex.jakarta.guard;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A servlet request with a method, a path, headers (one value each, or comma-joined) and a peer address. */
final class FakeRequests {

    private FakeRequests() {
    }

    static HttpServletRequest request(String method, String path, Map<String, String> headers) {
        return request(method, path, headers, "127.0.0.1");
    }

    static HttpServletRequest request(String method, String path, Map<String, String> headers, String peer) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.computeIfAbsent(name.toLowerCase(), n -> new java.util.ArrayList<>()).add(value));
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequests.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> lower.getOrDefault(((String) args[0]).toLowerCase(), List.of()).stream().findFirst().orElse(null);
                    case "getHeaders" -> Collections.enumeration(lower.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getMethod" -> method;
                    case "getServletPath" -> path.startsWith("/api/") ? "/api" : path;
                    case "getRequestURI" -> path;
                    case "getRemoteAddr" -> peer;
                    case "getScheme" -> "https";
                    default -> null;
                });
    }
}
