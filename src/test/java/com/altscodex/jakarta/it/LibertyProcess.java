package com.altscodex.jakarta.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Open Liberty ({@code it.liberty.home}) with {@code server-config/liberty/server.xml} and the WAR
 * ({@code it.war}) at {@code /} through {@code altscodex-app.xml}, which start-server puts in place.
 *
 * <p>Each instance has its own user directory, {@code it.work.dir/liberty/NAME} (WLP_USER_DIR),
 * so two run side by side; it is kept between runs, so a second start reuses the resolved
 * features.
 */
public final class LibertyProcess extends ServerProcess {
    private static final Duration UNDEPLOY = Duration.ofSeconds(60);
    private static final String SERVER = "altscodex";
    private static final String APP = "altscodex";
    /** The server is up: it comes after the application started or failed to. */
    private static final String SERVER_READY = "CWWKF0011I";
    private static final Pattern SERVER_FAILED = Pattern.compile("CWWKE0005E|CWWKO0221E");
    private static final String APP_STOPPED = "CWWKZ0009I: The application " + APP + " has stopped";
    /** The application's element, included by server.xml: removing the file undeploys it. */
    private static final String APP_XML = "altscodex-app.xml";

    private final Path serverDir;

    private LibertyProcess(Process process, Path console, int port, Path serverDir) {
        super(process, console, port);
        this.serverDir = serverDir;
    }

    public static LibertyProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("it.liberty.home", "target/liberty/wlp")).toAbsolutePath();
        Path userDir = workDir(name).toAbsolutePath();
        Path serverDir = userDir.resolve("servers").resolve(SERVER);
        // a messages.log of an earlier run would say the server is up before this one is
        deleteTree(serverDir.resolve("logs"));
        Path console = userDir.resolve("console.log");
        Process process = launch("liberty", port, userDir, console, altscodexEnv, Map.of("LIBERTY_HOME", home.toString()));
        LibertyProcess liberty = new LibertyProcess(process, console, port, serverDir);
        liberty.awaitUp("Open Liberty", text -> {
            if (SERVER_FAILED.matcher(text).find()) {
                throw new IllegalStateException("Open Liberty did not come up; see " + console);
            }
            return text.contains(SERVER_READY);
        });
        return liberty;
    }

    /**
     * messages.log (every message, the application's output included), then any FFDC incident
     * files; the console only until messages.log exists, so no line is counted twice.
     */
    @Override
    public String log() throws IOException {
        Path messages = serverDir.resolve("logs").resolve("messages.log");
        if (!Files.exists(messages)) {
            return super.log();
        }
        StringBuilder all = new StringBuilder(read(messages));
        Path ffdc = serverDir.resolve("logs").resolve("ffdc");
        if (Files.isDirectory(ffdc)) {
            try (Stream<Path> files = Files.list(ffdc)) {
                for (Path file : files.sorted().toList()) {
                    all.append('\n').append(Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        return all.toString();
    }

    /** Takes the application out of the running server's configuration; returns once it stopped. */
    @Override
    public void undeploy() throws IOException, InterruptedException {
        int stoppedBefore = count(super.log(), APP_STOPPED);
        Files.delete(serverDir.resolve(APP_XML));
        long deadline = System.nanoTime() + UNDEPLOY.toNanos();
        while (count(super.log(), APP_STOPPED) == stoppedBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the application did not stop within " + UNDEPLOY + "; see " + logFile());
            }
            Thread.sleep(100);
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
