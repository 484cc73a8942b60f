package driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one wrk run, from the line starting with "BENCH " that bench/login.lua prints at
 * its end: {@code {"requests":…,"duration_us":…,"p50_us":…,…,"statuses":{"200":…}}}.
 */
record WrkResult(long durationUs, long p50Us, long p90Us, long p99Us, long maxUs, long connectErrors,
        long readErrors, long writeErrors, long timeouts, Map<String, Long> statuses) {

    private static final Pattern STATUSES = Pattern.compile("\"statuses\":\\{([^}]*)}");
    private static final Pattern STATUS = Pattern.compile("\"([0-9]*)\":([0-9]*)");

    /** the BENCH line of wrk's output, or null when it printed none */
    static WrkResult parse(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH ")) {
                return parseLine(line.substring(6));
            }
        }
        return null;
    }

    static WrkResult parseLine(String line) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        Matcher block = STATUSES.matcher(line);
        if (block.find()) {
            Matcher m = STATUS.matcher(block.group(1));
            while (m.find()) {
                statuses.put(m.group(1), m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2)));
            }
        }
        return new WrkResult(field(line, "duration_us"), field(line, "p50_us"), field(line, "p90_us"),
                field(line, "p99_us"), field(line, "max_us"), field(line, "connect_errors"),
                field(line, "read_errors"), field(line, "write_errors"), field(line, "timeouts"), statuses);
    }

    /** the first {@code "name":N} of the line, 0 when absent */
    private static long field(String line, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":([0-9]*)").matcher(line);
        return m.find() && !m.group(1).isEmpty() ? Long.parseLong(m.group(1)) : 0;
    }

    /** the successful logins: answers 200 */
    long ok() {
        return statuses.getOrDefault("200", 0L);
    }

    /** the run's length in seconds, as the script had it from awk (six significant digits) */
    double seconds() {
        return Num.sixDigits(durationUs / 1e6);
    }

    /** successful logins per second, rounded */
    String rps() {
        return Num.fixed(ok() / seconds(), 0);
    }

    /**
     * Every answer that is not 200, by status, then wrk's socket errors by kind
     * ("500×3, timeout×2"); "0" for none.
     */
    String errors() {
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, n) -> {
            if (!status.equals("200")) {
                parts.add(status + "×" + n);
            }
        });
        addKind(parts, "connect_error", connectErrors);
        addKind(parts, "read_error", readErrors);
        addKind(parts, "write_error", writeErrors);
        addKind(parts, "timeout", timeouts);
        return parts.isEmpty() ? "0" : String.join(", ", parts);
    }

    private static void addKind(List<String> parts, String kind, long n) {
        if (n > 0) {
            parts.add(kind + "×" + n);
        }
    }
}
