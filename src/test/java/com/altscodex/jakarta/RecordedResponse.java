package com.altscodex.jakarta;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a servlet response was given: status (200 until set), headers (by lower-case name), body. */
public final class RecordedResponse {
    public int status = 200;
    public final Map<String, List<String>> headers = new HashMap<>();
    public final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null ? null : String.join(", ", values);
    }

    public HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setHeader" -> headers.put(((String) args[0]).toLowerCase(), new ArrayList<>(List.of((String) args[1])));
                        case "addHeader" -> headers.computeIfAbsent(((String) args[0]).toLowerCase(), n -> new ArrayList<>()).add((String) args[1]);
                        case "setStatus" -> status = (Integer) args[0];
                        case "setContentType" -> headers.put("content-type", new ArrayList<>(List.of((String) args[0])));
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> {
                        }
                    }
                    return null;
                });
    }
}
