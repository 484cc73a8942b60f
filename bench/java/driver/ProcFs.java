package driver;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark reads from {@code /proc}: a process's CPU ticks, those of its JIT and GC
 * threads, its threads and RSS, every process's ticks, the load average. The root is a parameter,
 * so a test can hand it a fake directory.
 */
final class ProcFs {
    /** the JIT's and the GC's share of a JVM's ticks */
    record JitGc(long jit, long gc) {
    }

    private final Path root;

    ProcFs(Path root) {
        this.root = root;
    }

    static ProcFs system() {
        return new ProcFs(Path.of("/proc"));
    }

    /** utime + stime of one process ({@code awk '{print $14 + $15}' /proc/PID/stat}) */
    long cpuTicks(long pid) {
        return ticks(read(root.resolve(pid + "/stat")));
    }

    /** the ticks of each JIT compiler thread (C1, C2) and GC thread (G1's and the parallel workers'), told by its name, by its thread id */
    Map<Long, JitGc> jitGcByThread(long pid) {
        Map<Long, JitGc> threads = new HashMap<>();
        for (Path task : list(root.resolve(pid + "/task"))) {
            String name;
            long ticks;
            long tid;
            try {
                tid = Long.parseLong(task.getFileName().toString());
                name = stripNewline(Files.readString(task.resolve("comm")));
                ticks = ticks(Files.readString(task.resolve("stat")));
            } catch (IOException | RuntimeException gone) {
                continue;   // the thread ended meanwhile
            }
            if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                threads.put(tid, new JitGc(ticks, 0));
            } else if (name.startsWith("G1 ") || name.startsWith("GC Thread")) {
                threads.put(tid, new JitGc(0, ticks));
            }
        }
        return threads;
    }

    /**
     * A JVM's JIT and GC ticks counted from its first reading on, never falling. The JDK starts
     * and ends compiler threads with the load, so the sum over the live ones falls when one ends
     * (a window once showed the JIT at -20% of the server's CPU); here each reading adds what each
     * live thread ran since the one before, and a thread that ended keeps what was counted of it.
     */
    final class Counter {
        private final long pid;
        private Map<Long, JitGc> last = Map.of();
        private long jit;
        private long gc;

        Counter(long pid) {
            this.pid = pid;
        }

        synchronized JitGc read() {
            Map<Long, JitGc> now = jitGcByThread(pid);
            for (Map.Entry<Long, JitGc> thread : now.entrySet()) {
                JitGc before = last.getOrDefault(thread.getKey(), new JitGc(0, 0));
                jit += Math.max(0, thread.getValue().jit() - before.jit());
                gc += Math.max(0, thread.getValue().gc() - before.gc());
            }
            last = now;
            return new JitGc(jit, gc);
        }
    }

    /** the Threads: line of /proc/PID/status */
    int threads(long pid) {
        return (int) statusField(pid, "Threads:");
    }

    /** VmRSS in MiB, rounded as {@code printf "%.0f"} */
    String rssMib(long pid) {
        return Num.fixed(statusField(pid, "VmRSS:") / 1024.0, 0);
    }

    /**
     * How many threads of each kind (the name less its number), to tell which pool grew: the lines
     * of {@code sed -E 's/[-# ]*[0-9]+[)]?$//' | sort | uniq -c | sort -rn}.
     */
    List<String> threadKinds(long pid) {
        List<String> kinds = new ArrayList<>();
        for (Path task : list(root.resolve(pid + "/task"))) {
            try {
                kinds.add(stripNewline(Files.readString(task.resolve("comm"))).replaceFirst("[-# ]*[0-9]+\\)?$", ""));
            } catch (IOException gone) {
                // the thread ended meanwhile
            }
        }
        return Text.countDistinct(kinds);
    }

    /**
     * The ticks of every process on the machine with those of their reaped children (utime, stime,
     * cutime, cstime): the same per-process clock as the server's and the mock's figures.
     */
    long allTicks() {
        long sum = 0;
        for (Path process : list(root)) {
            if (!process.getFileName().toString().matches("[0-9]+")) {
                continue;
            }
            try {
                String stat = Files.readString(process.resolve("stat"));
                sum += afterComm(stat, 11) + afterComm(stat, 12) + afterComm(stat, 13) + afterComm(stat, 14);
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return sum;
    }

    /** cutime and cstime of a process: the CPU of the children it has reaped */
    long[] childTicks(long pid) {
        String stat = read(root.resolve(pid + "/stat"));
        return new long[] {afterComm(stat, 13), afterComm(stat, 14)};
    }

    /** the first three fields of /proc/loadavg */
    String loadAverage() {
        String[] f = read(root.resolve("loadavg")).trim().split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** the soft limit of open files of a process (Long.MAX_VALUE for unlimited) */
    long openFileLimit(long pid) {
        for (String line : read(root.resolve(pid + "/limits")).split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IllegalStateException("no open-file limit in " + root.resolve(pid + "/limits"));
    }

    /**
     * utime + stime of a stat line (its fields 14 and 15). They are counted after the name's
     * closing parenthesis, since a thread's name may hold spaces ("C2 CompilerThre", "GC Thread#0"):
     * split on blanks from the start, as the shell script did, the JIT and GC threads' fields
     * shifted by one and their shares read cmajflt + utime.
     */
    static long ticks(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 1).trim().split("\\s+");
        return (long) (Num.parse(f.length > 11 ? f[11] : "") + Num.parse(f.length > 12 ? f[12] : ""));
    }

    /**
     * Fields of a stat line counted from the state (field 3), whatever the command's name holds:
     * {@code afterComm(line, 11)} is field 14, utime. Only the fields asked for are read (some
     * are unsigned 64-bit figures no long holds).
     */
    static long afterComm(String statLine, int index) {
        String rest = statLine.substring(statLine.lastIndexOf(") ") + 2).trim();
        return Long.parseLong(rest.split("\\s+")[index]);
    }

    private long statusField(long pid, String name) {
        for (String line : read(root.resolve(pid + "/status")).split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + name + " in " + root.resolve(pid + "/status"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            // a process that is gone has no tasks
        }
        entries.sort(null);
        return entries;
    }

    private static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
