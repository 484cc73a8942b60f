package com.altscodex.jakarta.pending;

import java.io.IOException;
import com.altscodex.jakarta.FreePorts;
import redis.embedded.RedisServer;

/** A real redis-server (the binary the embedded-redis jar ships) on a free loopback port. */
public final class LocalRedis implements AutoCloseable {
    private final int port;
    private RedisServer server;

    private LocalRedis(int port) throws IOException {
        this.port = port;
        start();
    }

    public static LocalRedis start(int port) throws IOException {
        return new LocalRedis(port);
    }

    public static LocalRedis onFreePort() throws IOException {
        return new LocalRedis(FreePorts.pick());
    }

    /** (Re)starts the server on the same port, as after an outage. */
    public void start() throws IOException {
        StringBuilder output = new StringBuilder();
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .soutListener(line -> output.append(line).append('\n'))
                .serrListener(line -> output.append(line).append('\n'))
                .build();
        server.start();
    }

    public void stop() throws IOException {
        server.stop();
    }

    /** One command through Debian's redis-cli, each argument split at its spaces; its output. */
    public String cli(String... command) throws IOException, InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("redis-cli", "-h", "127.0.0.1",
                "-p", String.valueOf(port)));
        for (String part : command) {
            line.addAll(java.util.List.of(part.trim().split("\\s+")));
        }
        return RedisProcesses.run(line);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
    }
}
