package driver;

import java.util.concurrent.TimeUnit;

/** A process the benchmark started: its pid for /proc, and the signals it may be sent. */
final class Child {
    private final String name;
    private final Process process;

    Child(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL */
    void kill() {
        process.destroyForcibly();
    }

    /** waits for its end; its exit status */
    int await() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while waiting for " + name);
        }
    }

    /** waits at most so long; whether it ended */
    boolean await(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while waiting for " + name);
        }
    }

    /** SIGTERM and wait (the script's {@code kill -TERM $pid && wait $pid}) */
    void stop() {
        if (alive()) {
            terminate();
        }
        await();
    }
}
