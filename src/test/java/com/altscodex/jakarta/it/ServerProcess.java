package com.altscodex.jakarta.it;

import com.altscodex.jakarta.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stock server running the built WAR at {@code /}, configured only through ALTSCODEX_*
 * environment variables, as an operator would start it; {@link #stop()} sends SIGTERM. Which
 * server is the build's choice ({@code -Dit.server=payara|payara7|wildfly|liberty}), so one test runs
 * unchanged on each. Its whole output goes to log files that tests read and scan for secrets.
 */
public abstract class ServerProcess implements AutoCloseable {
    protected static final Duration STARTUP = Duration.ofMinutes(3);
    /**
     * C1 only: a test server lives for seconds, and on two cores C2 compiling the start-up's code
     * costs about half its CPU (Payara Micro starts in 8.8 s instead of 12.4, Open Liberty in 10.7
     * instead of 16.8). Nothing a test checks depends on the compiler; the benchmark keeps the
     * production settings.
     */
    static final String TEST_SERVER_JVM_OPTS = "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1";
    private static final Pattern LEVEL = Pattern.compile(
            "(?<![\\w.])(SEVERE|ERROR|E|WARNING|WARN|W|INFO|I|DEBUG|FINE|AUDIT|A)(?![\\w.])");

    private final Process process;
    private final Path log;
    private final int port;

    protected ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The server this run tests: {@code payara} (Payara Micro 6, the default), {@code payara7} (Payara
     * Micro 7, on the Java 21 or later that this JVM is then), {@code wildfly} or {@code liberty}.
     */
    public static String kind() {
        return System.getProperty("it.server", "payara").toLowerCase(Locale.ROOT);
    }

    /**
     * Starts the WAR on {@code port} with exactly these ALTSCODEX_* variables (none inherited), and
     * returns once the server is up, whether the application deployed or was refused.
     */
    public static ServerProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        return switch (kind()) {
            case "payara", "payara7" -> PayaraMicroProcess.start(name, port, altscodexEnv);
            case "wildfly" -> WildFlyProcess.start(name, port, altscodexEnv);
            case "liberty" -> LibertyProcess.start(name, port, altscodexEnv);
            default -> throw new IllegalArgumentException("it.server=" + kind() + ": use payara, payara7, wildfly or liberty");
        };
    }

    /** One server for {@link #startTogether}: its name, port and ALTSCODEX_* variables. */
    public record Launch(String name, int port, Map<String, String> altscodexEnv) {
    }

    /**
     * Starts several servers at once and returns them in the order given, once all are up: a
     * start-up spends much of its time waiting, so two take little longer than one. If one fails,
     * the others are stopped and its failure is thrown.
     */
    public static List<ServerProcess> startTogether(List<Launch> launches) throws IOException, InterruptedException {
        List<CompletableFuture<ServerProcess>> starting = launches.stream()
                .map(launch -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return start(launch.name(), launch.port(), launch.altscodexEnv());
                    } catch (IOException | InterruptedException e) {
                        throw new CompletionException(e);
                    }
                }, runnable -> new Thread(runnable, "start-" + launch.name()).start()))
                .toList();
        List<ServerProcess> started = new ArrayList<>();
        Throwable failure = null;
        for (CompletableFuture<ServerProcess> server : starting) {
            try {
                started.add(server.join());
            } catch (CompletionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure == null) {
            return started;
        }
        for (ServerProcess server : started) {
            server.close();
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Whether this run tests a Payara Micro, 6 or 7: both run the WAR the same way. */
    public static boolean isPayara() {
        return kind().equals("payara") || kind().equals("payara7");
    }

    public static int freePort() throws IOException {
        return FreePorts.pick();
    }

    /** Where an instance keeps its files: its own folder, so two can run side by side. */
    protected static Path workDir(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.work.dir", "target/it"), kind(), name);
        // a log and deployment marker left by an earlier run would pass for this server's start
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * Starts the server through {@code server-config/start-server}, as the run command and the
     * benchmark do, with the WAR ({@code it.war}) at {@code /} on {@code port}, its files in
     * {@code work} and its output in {@code log}. The ALTSCODEX_* variables are exactly
     * {@code env}; {@code serverEnv} holds the script's own settings.
     */
    protected static Process launch(String kind, int port, Path work, Path log, Map<String, String> env,
            Map<String, String> serverEnv) throws IOException {
        Path script = Path.of(System.getProperty("it.server.config", "server-config"), "start-server");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), kind, String.valueOf(port),
                System.getProperty("it.war"), work.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // nothing of the test's own environment may configure the module or the server
        builder.environment().keySet().removeIf(key -> key.startsWith("ALTSCODEX_") || key.startsWith("WLP_")
                || List.of("JVM_ARGS", "JAVA_OPTIONS", "JAVA_OPTS", "OPENJ9_JAVA_OPTIONS").contains(key));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("SERVER_JVM_OPTS", TEST_SERVER_JVM_OPTS);
        builder.environment().putAll(serverEnv);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Waits until {@code up} holds of the log (the application started, or was refused). */
    protected void awaitUp(String server, Predicate<String> up) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            boolean isUp;
            try {
                isUp = up.test(log());
            } catch (IllegalStateException failed) {
                process.destroyForcibly();
                throw failed;
            }
            if (isUp) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(server + " exited with " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(server + " was not up within " + STARTUP + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where MicroProfile Health answers ({@code /live}, {@code /ready} below it). */
    public String healthUrl() {
        return baseUrl() + "/health";
    }

    /** Where the module's meters can be scraped, in Prometheus' text format. */
    public String metricsUrl() {
        return baseUrl() + "/metrics?scope=application";
    }

    /** Everything the server wrote: its console and, where it keeps one, its log file. */
    public String log() throws IOException {
        return read(log);
    }

    /** The lines of {@link #log()} that hold {@code text}. */
    public List<String> logLines(String text) throws IOException {
        return log().lines().filter(line -> line.contains(text)).toList();
    }

    /**
     * Whether a log line is at WARNING or above, as each server prints levels: Payara
     * {@code [WARNING]} (coloured on its console), WildFly {@code WARN} or {@code WARNING}, Open
     * Liberty a lone {@code W}; SEVERE likewise.
     */
    public static boolean atWarningOrAbove(String line) {
        String level = levelOf(line);
        return atSevere(line) || level.equals("WARNING") || level.equals("WARN") || level.equals("W");
    }

    /** Whether a log line is at SEVERE: {@code SEVERE}, WildFly's {@code ERROR}, Liberty's {@code E}. */
    public static boolean atSevere(String line) {
        String level = levelOf(line);
        return level.equals("SEVERE") || level.equals("ERROR") || level.equals("E");
    }

    /** The first word of the line that names a level: what the server printed before the message. */
    private static String levelOf(String line) {
        Matcher level = LEVEL.matcher(line.replaceAll("\u001B\\[[;\\d]*m", ""));
        return level.find() ? level.group(1) : "";
    }

    protected static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    public Path logFile() {
        return log;
    }

    /** The server JVM's pid: start-server execs the JVM in its own process. */
    public long pid() {
        return process.pid();
    }

    /** Takes the application away while the server goes on, where the server can. */
    public void undeploy() throws IOException, InterruptedException {
        throw new UnsupportedOperationException(kind() + " has no undeploy here");
    }

    /** SIGTERM, as an orchestrator stops a server; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the server did not stop within 60 s of SIGTERM");
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
