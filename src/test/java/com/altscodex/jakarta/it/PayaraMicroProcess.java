package com.altscodex.jakarta.it;

import com.altscodex.jakarta.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stock Payara Micro running the built WAR, configured only through environment variables, as
 * an operator would start it; {@link #stop()} sends SIGTERM. Its whole output goes to a log file
 * that tests can read (and scan for secrets).
 */
public final class PayaraMicroProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraMicroProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static int freePort() throws IOException {
        return FreePorts.pick();
    }

    /** Starts the WAR on {@code port} with exactly these ALTSCODEX_* variables (none inherited). */
    public static PayaraMicroProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path work = Path.of(System.getProperty("it.work.dir", "target/it"));
        Files.createDirectories(work);
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.phone.home.enabled=false",
                "-jar", System.getProperty("it.payara.jar"),
                "--nocluster", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("it.server.config") + "/pre-boot-commands.asadmin",
                "--port", String.valueOf(port), "--contextroot", "/",
                "--deploy", System.getProperty("it.war")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("ALTSCODEX_"));
        builder.environment().putAll(altscodexEnv);
        PayaraMicroProcess payara = new PayaraMicroProcess(builder.start(), log, port);
        payara.awaitReady();
        return payara;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            String text = log();
            if (text.contains(" ready in ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Payara Micro was not ready within " + STARTUP + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public Path logFile() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, as an orchestrator stops a server; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("Payara Micro did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
