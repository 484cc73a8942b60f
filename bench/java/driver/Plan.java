package driver;

import java.util.List;

/**
 * How much of each phase a run does: the full run, or the quick one (the CI run that keeps the
 * benchmark from rotting; its figures are not comparable with a full run's). The rest is the same
 * in both.
 *
 * @param concurrencies wrk's connections, one measured run each
 * @param firstMinutesWindows windows of load from the first successful login on (the first minutes)
 * @param windowSeconds seconds of each
 * @param earlyFrom     the first minutes' figure is the CPU per login from this many seconds after the first login
 * @param earlySeconds  … for so many seconds
 * @param firstWarmup   after the first minutes, at least this many seconds more of warm-up
 * @param maxWarmup     at most this many: the warm-up goes on while the JIT is still busy
 * @param warmup        seconds of load at each concurrency before its measured run
 * @param duration      seconds of each measured run
 * @param waiting       logins held open for the capacity and drain measurements
 * @param bigDeadline   seconds the oversized bodies may take, whatever happens
 * @param slowSeconds   seconds of slow clients
 */
record Plan(boolean quick, List<Integer> concurrencies, int firstMinutesWindows, int windowSeconds, int earlyFrom,
        int earlySeconds, int firstWarmup, int maxWarmup, int warmup, int duration,
        int waiting, int bigDeadline, int slowSeconds) {

    /** concurrent POST /api/login with an oversized body */
    static final int BIG_CLIENTS = 12;
    /** the JWT's length in each: a 10 MB body */
    static final int BIG_JWT_CHARS = 10_000_000;
    /** connections that send a chunked login body one byte at a time */
    static final int SLOW_CLIENTS = 500;
    /** one byte every this often on each */
    static final int SLOW_INTERVAL_MS = 200;
    /** a real login, and apart a GET /api/login-url, this often while they run */
    static final int PROBE_INTERVAL_MS = 500;
    /** seconds: a probe slower than this failed */
    static final int PROBE_TIMEOUT = 10;
    /** one per core: wrk shares the 2 cores with the server and the mock */
    static final int WRK_THREADS = 2;
    /** an answer slower than this counts as a timeout error */
    static final String WRK_TIMEOUT = "10s";
    /** longer than the capacity phase: no waiting login may time out during it */
    static final String AUTHORIZE_TIMEOUT = "PT300S";
    /** seconds: the loader of waiting logins gives up after this, whatever happens */
    static final int HOLD_DEADLINE = 240;
    /** the concurrency the targets, the Redis row and the profile are at */
    static final int TARGET_CONNECTIONS = 64;

    /**
     * The server's JVM: a fixed 1 GiB heap (no resizing during the runs, and room for 10,000
     * waiting logins many times over) with G1, the JDK's default collector; nothing else is tuned.
     */
    static final List<String> SERVER_JVM_OPTS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "-Dhazelcast.phone.home.enabled=false");
    /** the mock on a fixed pool: grown with the load (to ~980 threads) it cost as much CPU per login as the server */
    static final List<String> MOCK_JVM_OPTS = List.of("-Xms256m", "-Xmx512m", "-Dmock.threads=8");
    static final String CLIENT_ID = "bench-client";

    static Plan of(boolean quick) {
        return quick
                ? new Plan(true, List.of(64), 3, 2, 2, 2, 3, 3, 2, 5, 200, 20, 15)
                : new Plan(false, List.of(16, 64, 256), 30, 10, 60, 20, 10, 120, 5, 20, 10_000, 60, 60);
    }

    /** the most seconds of load a server gets to settle: the first server's first minutes and warm-up */
    int settledWithin() {
        return firstMinutesWindows * windowSeconds + maxWarmup;
    }

    boolean measuresTargetConcurrency() {
        return concurrencies.contains(TARGET_CONNECTIONS);
    }
}
