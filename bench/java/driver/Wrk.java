package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs wrk with bench/login.lua against one URL: its output to a file, and its own CPU (user and
 * system seconds, as bash's {@code time} printed them) to the file beside it, {@code FILE.cpu}.
 * wrk's CPU is read from this process's reaped-children ticks, which grow by exactly wrk's when
 * it is waited for.
 */
final class Wrk {
    /** one run: the BENCH line's figures (null when wrk printed none), wrk's CPU in seconds */
    record Run(WrkResult result, Path output, double userSeconds, double systemSeconds) {
        double cpuSeconds() {
            return userSeconds + systemSeconds;
        }

        /** the figures, or a failure that names the output to read */
        WrkResult require() {
            if (result == null) {
                throw new BenchFailure("wrk printed no result: see " + output);
            }
            return result;
        }
    }

    private final Processes processes;
    private final Path script;
    private final ProcFs proc;
    private final long selfPid;
    private final int clkTck;

    Wrk(Processes processes, Path script, ProcFs proc, long selfPid, int clkTck) {
        this.processes = processes;
        this.script = script;
        this.proc = proc;
        this.selfPid = selfPid;
        this.clkTck = clkTck;
    }

    static List<String> command(Path script, String url, int connections, int seconds) {
        return List.of("wrk", "-t" + Plan.WRK_THREADS, "-c" + connections, "-d" + seconds + "s",
                "--timeout", Plan.WRK_TIMEOUT, "-s", script.toString(), url);
    }

    Run run(String url, int connections, int seconds, Path output) {
        long[] before = proc.childTicks(selfPid);
        int status = processes.run("wrk", command(script, url, connections, seconds), output);
        long[] after = proc.childTicks(selfPid);
        double user = (after[0] - before[0]) / (double) clkTck;
        double system = (after[1] - before[1]) / (double) clkTck;
        try {
            Files.writeString(Path.of(output + ".cpu"), Num.fixed(user, 3) + " " + Num.fixed(system, 3) + "\n");
            if (status != 0) {
                throw new BenchFailure("wrk exited with status " + status + ": see " + output);
            }
            return new Run(WrkResult.parse(Files.readString(output)), output, user, system);
        } catch (IOException e) {
            throw new BenchFailure("cannot read wrk's output " + output + ": " + e.getMessage());
        }
    }

    /** for the warm-up's rounds */
    WarmUp.Load load(String url, int connections, Path output) {
        return seconds -> run(url, connections, seconds, output);
    }

}
