package driver;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Starts the benchmark's processes, each with its output in a file, and keeps them: at the end,
 * however it ends, every one still running is killed (SIGKILL, by its own pid, the last started
 * first). Nothing else is ever signalled.
 */
final class Processes {
    private final Path workDir;
    private final Deque<Child> started = new ArrayDeque<>();

    Processes(Path workDir) {
        this.workDir = workDir;
    }

    /** command's standard output and error both to output (appended or truncated), the environment ours plus env */
    Child start(String name, List<String> command, Map<String, String> env, Path output, boolean append) {
        return start(name, command, env, Path.of("/dev/null"), output, append);
    }

    private Child start(String name, List<String> command, Map<String, String> env, Path input, Path output,
            boolean append) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(Redirect.from(input.toFile()));
        File file = output.toFile();
        builder.redirectOutput(append ? Redirect.appendTo(file) : Redirect.to(file));
        builder.environment().putAll(env);
        try {
            Child child = new Child(name, builder.start());
            synchronized (started) {
                started.push(child);
            }
            return child;
        } catch (IOException e) {
            throw new BenchFailure("could not start " + name + " (" + command.get(0) + "): " + e.getMessage());
        }
    }

    /** runs command to its end, its output to output; its exit status */
    int run(String name, List<String> command, Path output) {
        return start(name, command, Map.of(), output, false).await();
    }

    /** the same with a file on its standard input */
    int run(String name, List<String> command, Path input, Path output) {
        return start(name, command, Map.of(), input, output, false).await();
    }

    /** runs command to its end; its exit status and its output (standard output and error) */
    Captured capture(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            String text = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Captured(process.waitFor(), text);
        } catch (IOException e) {
            return new Captured(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while running " + command.get(0));
        }
    }

    record Captured(int exit, String text) {
        String firstLine() {
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }

    void killAll() {
        synchronized (started) {
            for (Child child : started) {
                if (child.alive()) {
                    child.kill();
                }
            }
        }
    }
}
