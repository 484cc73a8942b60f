package driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JVM's live heap, by {@code jcmd}: a full GC, a pause for the cleaners and finalizers it woke,
 * then the class histogram, which runs a full GC of its own and counts what survives it. Without
 * the pause, the authorize answers RESTEasy's client leaves to a Cleaner counted as 3.5 KB of
 * every waiting login on Open Liberty, gone 15 s later.
 */
final class Heap {
    static final long CLEANERS_PAUSE_MS = 5000;

    private final Processes processes;
    private final Clock clock;
    private final Path out;

    Heap(Processes processes, Clock clock, Path out) {
        this.processes = processes;
        this.clock = clock;
        this.out = out;
    }

    /** live bytes of pid's heap, its histogram left in out/histogramFile; null when jcmd gave none */
    Long liveBytes(long pid, String histogramFile) {
        processes.run("jcmd", List.of("jcmd", Long.toString(pid), "GC.run"), Path.of("/dev/null"));
        clock.sleep(CLEANERS_PAUSE_MS);
        Path histogram = out.resolve(histogramFile);
        processes.run("jcmd", List.of("jcmd", Long.toString(pid), "GC.class_histogram"), histogram);
        try {
            return total(Files.readString(histogram));
        } catch (IOException e) {
            return null;
        }
    }

    /** the bytes of a histogram's "Total" line */
    static Long total(String histogram) {
        for (String line : histogram.split("\n")) {
            if (line.startsWith("Total")) {
                String[] f = line.trim().split("\\s+");
                return f.length > 2 ? Long.valueOf(f[2]) : null;
            }
        }
        return null;
    }

    /**
     * What grew between two histograms, by class: lines of bytes, instances and class name
     * ({@code %12d %9d %s}), largest first, as {@code sort -rn} orders them.
     */
    static List<String> growth(String before, String after) {
        Map<String, long[]> byClass = new LinkedHashMap<>();
        add(byClass, before, -1);
        add(byClass, after, 1);
        List<String> lines = new ArrayList<>();
        byClass.forEach((name, v) -> lines.add(String.format("%12d %9d %s", v[0], v[1], name)));
        lines.sort(Text.SORT_RN);
        return lines;
    }

    private static void add(Map<String, long[]> byClass, String histogram, int sign) {
        for (String line : histogram.split("\n")) {
            if (!line.matches("^ *[0-9]+:.*")) {
                continue;
            }
            // awk's fields: the PID line ("12345:") counts too, as a class of no name, no bytes
            String[] f = line.trim().split("\\s+");
            long[] v = byClass.computeIfAbsent(f.length > 3 ? f[3] : "", k -> new long[2]);
            v[0] += sign * (long) Num.parse(f.length > 2 ? f[2] : "");
            v[1] += sign * (long) Num.parse(f.length > 1 ? f[1] : "");
        }
    }

    /** {@link #growth} of two histogram files of out, written to a third */
    void writeGrowth(String before, String after, String to) {
        try {
            Files.write(out.resolve(to), growth(Files.readString(out.resolve(before)), Files.readString(out.resolve(after))));
        } catch (IOException e) {
            throw new BenchFailure("cannot compare the histograms " + before + " and " + after + ": " + e.getMessage());
        }
    }

    /**
     * The most heap in use (survivors, eden, old) in a {@code jstat -gc} series, in MiB, by its
     * header's names; "0" for a series of no figures.
     */
    static String jstatPeakMib(String series) {
        String[] lines = series.split("\n");
        Map<String, Integer> column = new LinkedHashMap<>();
        String[] header = lines[0].trim().split("\\s+");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        double peak = 0;
        for (int n = 1; n < lines.length; n++) {
            String[] f = lines[n].trim().split("\\s+");
            if (!f[0].matches("^[0-9.]+$")) {
                continue;
            }
            double used = cell(f, column, "S0U") + cell(f, column, "S1U") + cell(f, column, "EU") + cell(f, column, "OU");
            peak = Math.max(peak, used);
        }
        return Num.fixed(peak / 1024, 0);
    }

    private static double cell(String[] fields, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= fields.length ? 0 : Num.parse(fields[i]);
    }
}
