package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.FreePorts;
import com.altscodex.jakarta.TestCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's redis-server on 127.0.0.1 speaking TLS only, with a certificate of a {@link TestCa}. */
public final class LocalTlsRedis implements AutoCloseable {
    private final int port = FreePorts.pick();
    private final Process process;
    private final Path log;

    /** @param clientCa the CA whose client certificates Redis demands (mutual TLS), or null for none */
    public LocalTlsRedis(TestCa.Issued server, TestCa clientCa, Path dir) throws IOException, InterruptedException {
        log = dir.resolve("redis-tls-" + port + ".log");
        List<String> line = new java.util.ArrayList<>(List.of("--port", "0", "--tls-port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--tls-cert-file", server.certificate().toString(), "--tls-key-file", server.key().toString()));
        if (clientCa != null) {
            line.addAll(List.of("--tls-ca-cert-file", clientCa.pem().toString(), "--tls-auth-clients", "yes"));
        } else {
            // Redis wants a CA file even when it asks no client for a certificate
            line.addAll(List.of("--tls-ca-cert-file", server.certificate().toString(), "--tls-auth-clients", "no"));
        }
        process = RedisProcesses.server(line, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(log).contains("Ready to accept connections")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server with TLS did not start: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
