package driver;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** The probes' client against a server of the JDK's on 127.0.0.1. */
public final class HttpTest {
    @Test
    public void aPostIsAnsweredWithItsStatusAndBody() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/login", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            byte[] out = ("{\"got\":" + new String(in, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 200 : 405, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.createContext("/mock/stats", exchange -> {
            byte[] out = "{\"authorize\":17,\"get_token\":3}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, 0);   // chunked
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Http.Answer answer = Http.post(base + "/api/login", "{\"jwt\":\"x\"}", 5);
            Check.equal(200, answer.status());
            Check.equal("{\"got\":{\"jwt\":\"x\"}}", answer.body());
            Check.isTrue(answer.codeAndTime().matches("200 [0-9]+\\.[0-9]{6}"), answer.codeAndTime());
            Check.equal("200", Http.loginStatus(base));
            Check.equal(17L, Mock.stat(Http.get(base + "/mock/stats", 5).body(), "authorize"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void noServerIsCurlsZeroStatus() {
        int port = new Ports().free();
        Http.Answer answer = Http.get("http://127.0.0.1:" + port + "/api/login-url", 2);
        Check.equal(0, answer.status());
        Check.equal("000", answer.code());
        Check.equal("000", Http.loginStatus("http://127.0.0.1:" + port));
    }
}
