package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every phase of one run uses: the plan, the output folder, the clock, /proc, the processes,
 * wrk, and the way to start one of the bench/java tools.
 */
final class Bench {
    final Options options;
    final Plan plan;
    final Path root;
    final Path out;
    final Log log;
    final Clock clock;
    final ProcFs proc;
    final Processes processes;
    final Ports ports;
    final Wrk wrk;
    final Heap heap;
    final int cores;
    final int clkTck;
    final String serverName;
    /** the classpath of the bench/java tools (this driver's own) */
    final String tools;

    Bench(Options options, Path root, Log log, Clock clock, ProcFs proc, Processes processes, int cores, int clkTck,
            String serverName, String tools) {
        this.options = options;
        this.plan = Plan.of(options.quick());
        this.root = root;
        this.out = root.resolve("target/bench/" + options.server());
        this.log = log;
        this.clock = clock;
        this.proc = proc;
        this.processes = processes;
        this.ports = new Ports();
        this.wrk = new Wrk(processes, root.resolve("bench/login.lua"), proc, ProcessHandle.current().pid(), clkTck);
        this.heap = new Heap(processes, clock, out);
        this.cores = cores;
        this.clkTck = clkTck;
        this.serverName = serverName;
        this.tools = tools;
    }

    Path file(String name) {
        return out.resolve(name);
    }

    /** {@code java -cp TOOLS -XmxHEAP TOOL ARGS…} */
    List<String> tool(String heap, String tool, Object... args) {
        List<String> command = new ArrayList<>(List.of("java", "-cp", tools, "-Xmx" + heap, tool));
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        return command;
    }

    /** the last line of a tool's output file ({@code tail -n1}), "" when there is none */
    String lastLine(String name) {
        try {
            String text = Files.readString(file(name));
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            return text.substring(text.lastIndexOf('\n') + 1);
        } catch (IOException e) {
            return "";
        }
    }

    void write(String name, List<String> lines) {
        try {
            Files.write(file(name), lines);
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + file(name) + ": " + e.getMessage());
        }
    }

    /** the lines of a file of ours that hold text (grep -c), 0 when it is missing */
    long linesContaining(String name, String text) {
        try (var lines = Files.lines(file(name), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** the size of a file in bytes ({@code stat -c %s}) */
    long size(String name) {
        try {
            return Files.size(file(name));
        } catch (IOException e) {
            throw new BenchFailure("cannot read " + file(name) + ": " + e.getMessage());
        }
    }
}
