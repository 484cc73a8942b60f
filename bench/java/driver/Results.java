package driver;

import java.util.List;

/**
 * Every figure of one run, as the phases measured them: what the report is written from.
 *
 * @param header       when, on what, how long it warmed
 * @param rows         throughput and latency, one row per concurrency
 * @param firstMinutes the windows of load from the first login on
 * @param redis        the Redis store's row at 64 connections
 * @param floor        bench/floor's last report on this server, or null
 */
record Results(Header header, List<Throughput.Row> rows, FirstMinutes.Result firstMinutes, RedisStore.Row redis, Hostile.Result hostile,
        Startup.Result startup, Capacity.Result capacity, Drain.Result drain, boolean secretLeaked, Floor floor) {

    /**
     * The report's first lines.
     *
     * @param date      "2026-12-04 15:35 UTC"
     * @param commit    "bb8b34e", with " (with local changes)" when the tree differs
     * @param warmed    seconds of warm-up of the first server, the first minutes' with the rest
     * @param jitShare  the JIT's share of its CPU in the last round, per cent
     * @param serverJvmOpts the server JVM's options
     */
    record Header(String date, String commit, int cores, String cpuModel, String memoryGiB, String loadBefore,
            String javaVersion, String serverName, int warmed, long jitShare, List<String> serverJvmOpts) {
    }

    /** the row at a concurrency, or null when the run measured none there */
    Throughput.Row row(int connections) {
        return rows.stream().filter(r -> r.connections() == connections).findFirst().orElse(null);
    }
}
