package com.altscodex.jakarta.pending;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's redis-server and redis-cli as the tests run them: started, asked, stopped. */
final class RedisProcesses {
    static final String MISSING = "redis-server is missing: apt-get install -y redis-server redis-tools"
            + " (server-config/install-test-tools does so as root)";

    private RedisProcesses() {
    }

    /** redis-server with these arguments, its output in {@code log}. */
    static Process server(List<String> arguments, Path log) throws IOException {
        List<String> line = new ArrayList<>(List.of(binary()));
        line.addAll(arguments);
        try {
            return new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException(MISSING, e);
        }
    }

    private static String binary() {
        return Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElse("redis-server");
    }

    /** A command line (redis-cli, mostly) run to its end; its output. */
    static String run(List<String> line) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(60, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IOException("did not finish: " + line);
        }
        return output;
    }

    /** SIGKILL to each (a test's data needs no flush), then the directory goes. */
    static void stop(Collection<Process> processes, Path dir) {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the machine cleans it
        }
    }
}
