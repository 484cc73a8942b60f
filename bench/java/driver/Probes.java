package driver;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Real requests while the slow clients run: one kind of probe per thread, each sequential (a login
 * that hangs for its timeout does not keep the login-url probe from measuring meanwhile), one every
 * interval. Each answer is a line {@code KIND STATUS SECONDS} of the probes' file.
 */
final class Probes {
    /**
     * count, p50, p99 and max in ms, how many took over 2 s, how many failed (not 200); "-" for
     * the times of none
     */
    record Summary(int count, String p50, String p99, String max, long slow, long failed) {
        static Summary of(List<String> lines, String kind) {
            List<Double> ms = new ArrayList<>();
            long slow = 0;
            long failed = 0;
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 1 || !f[0].equals(kind)) {
                    continue;
                }
                double seconds = Num.parse(f.length > 2 ? f[2] : "");
                ms.add(seconds * 1000);
                if (seconds > 2) {
                    slow++;
                }
                if (Num.parse(f.length > 1 ? f[1] : "") != 200) {
                    failed++;
                }
            }
            int n = ms.size();
            if (n == 0) {
                return new Summary(0, "-", "-", "-", 0, 0);
            }
            ms.sort(null);
            return new Summary(n, Num.fixed(ms.get((int) ((n - 1) * 0.50)), 0), Num.fixed(ms.get((int) ((n - 1) * 0.99)), 0),
                    Num.fixed(ms.get(n - 1), 0), slow, failed);
        }
    }

    /** a loop of one kind of probe in a thread of its own */
    static Thread loop(String kind, Supplier<Http.Answer> probe, long endMillis, int intervalMs, Clock clock,
            PrintWriter out) {
        Thread thread = new Thread(() -> {
            clock.sleep(1000);   // the slow clients are connected
            while (clock.millis() < endMillis) {
                long next = clock.millis() + intervalMs;
                String line = kind + " " + probe.get().codeAndTime();
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
                long wait = next - clock.millis();
                if (wait > 0) {
                    clock.sleep(wait);
                }
            }
        }, "probe " + kind);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
