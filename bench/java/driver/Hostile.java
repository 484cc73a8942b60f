package driver;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Hostile clients, on the warm server, after the load and before the capacity phase (which
 * measures its own idle heap after a full GC, so what these leave behind is not counted there):
 * (a) oversized bodies, (b) slow clients with real logins probed meanwhile. Then the server must
 * answer a login again, or it is restarted, so the later phases measure a sound server.
 */
final class Hostile {
    /** (a): BigBodies's result line and what the server did with the bodies */
    record Oversized(String result, String statuses, Long heapBefore, Long heapAfter, String peakMib, long oomLines,
            String loginAfter) {
        String value(String key) {
            String v = Text.value(result, key);
            return v == null ? "" : v;
        }
    }

    /** (b): SlowClients's result line, the probes' summaries, the server's threads */
    record Slow(String result, String statuses, Probes.Summary logins, Probes.Summary loginUrl, String threadsSlow) {
        String value(String key) {
            String v = Text.value(result, key);
            return v == null ? "" : v;
        }
    }

    /** both, the server's threads before and after, how it came back */
    record Result(Oversized oversized, Slow slow, int threadsBefore, int threadsAfter, int restarts, Long recoveredMs) {
    }

    static final String PROBE_JWT = "test-eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiZW5jaC1wcm9iZSJ9.c2lnbmF0dXJl";

    private final Bench bench;
    private final Server server;
    private final Mock mock;
    private int restarts;

    Hostile(Bench bench, Server server, Mock mock) {
        this.bench = bench;
        this.server = server;
        this.mock = mock;
    }

    Result run() {
        int threadsBefore = bench.proc.threads(server.pid());
        Oversized oversized = oversized();
        restarts = 0;
        mock.requireAlive("after the oversized bodies");
        if (!server.healthyWithin(30)) {
            bench.log.info("the server answers no login 30 s after the oversized bodies" + gone() + ": restarting it");
            restart("the oversized bodies");
        }
        Slow slow = slowClients();
        mock.requireAlive("after the slow clients");
        Long recoveredMs = null;
        long recovering = bench.clock.millis();
        if (server.healthyWithin(60)) {
            recoveredMs = bench.clock.millis() - recovering;
        } else {
            bench.log.info("the server answers no login 60 s after the slow clients" + gone() + ": restarting it");
            restart("the slow clients");
        }
        return new Result(oversized, slow, threadsBefore, bench.proc.threads(server.pid()), restarts, recoveredMs);
    }

    /** statuses, time, live heap after a full GC before and after, the peak in use meanwhile, OutOfMemoryError lines logged */
    private Oversized oversized() {
        Plan plan = bench.plan;
        bench.log.info("hostile: " + Plan.BIG_CLIENTS + " concurrent logins with a " + Plan.BIG_JWT_CHARS / 1000000
                + " MB body each");
        long oomBefore = oomLines();
        Long heapBefore = bench.heap.liveBytes(server.pid(), "histogram-before-big.txt");
        Child jstat = bench.processes.start("jstat", List.of("jstat", "-gc", Long.toString(server.pid()), "200",
                Integer.toString(plan.bigDeadline() * 5 + 50)), Map.of(), bench.file("jstat-big.txt"), false);
        bench.processes.start("BigBodies", bench.tool("64m", "BigBodies", server.port(), Plan.BIG_CLIENTS,
                Plan.BIG_JWT_CHARS, plan.bigDeadline()), Map.of(), bench.file("big-bodies.txt"), false).await();
        bench.clock.sleep(1000);   // what the server still does with the bodies it was sent
        jstat.stop();
        String result = bench.lastLine("big-bodies.txt");
        if (Text.value(result, "clients") == null || Text.value(result, "clients").isEmpty()) {
            throw new BenchFailure("the oversized-body client printed no result: see " + bench.file("big-bodies.txt"));
        }
        String peak;
        try {
            peak = Heap.jstatPeakMib(Files.readString(bench.file("jstat-big.txt")));
        } catch (IOException | RuntimeException e) {
            peak = null;
        }
        Long heapAfter = server.alive() ? bench.heap.liveBytes(server.pid(), "histogram-after-big.txt") : null;
        if (heapAfter != null) {
            bench.heap.writeGrowth("histogram-before-big.txt", "histogram-after-big.txt", "big-bodies-classes.txt");
        }
        Oversized o = new Oversized(result, Text.statuses(result), heapBefore, heapAfter, peak, oomLines() - oomBefore,
                server.loginStatus());
        bench.log.info("oversized bodies: " + or(o.statuses(), "no status") + ", " + o.value("reset_before_status")
                + " reset before a status, " + o.value("no_answer") + " unanswered, last status after "
                + o.value("slowest_ms") + " ms; live heap " + Num.mib(zeroIfNull(heapBefore)) + " → "
                + (heapAfter == null ? "" : Num.mib(heapAfter)) + " MiB (peak " + or(peak, "?") + " MiB in use); "
                + o.oomLines() + " OutOfMemoryError lines; a login right after: " + o.loginAfter());
        return o;
    }

    /** a real login every PROBE_INTERVAL_MS meanwhile, one at a time, each given PROBE_TIMEOUT s, and the same for GET /api/login-url */
    private Slow slowClients() {
        Plan plan = bench.plan;
        bench.log.info("hostile: " + Plan.SLOW_CLIENTS + " slow clients for " + plan.slowSeconds() + " s (a byte every "
                + Plan.SLOW_INTERVAL_MS + " ms each), a real login every " + Plan.PROBE_INTERVAL_MS + " ms meanwhile");
        Child clients = bench.processes.start("SlowClients", bench.tool("128m", "SlowClients", server.port(),
                Plan.SLOW_CLIENTS, plan.slowSeconds(), Plan.SLOW_INTERVAL_MS), Map.of(), bench.file("slow-clients.txt"),
                false);
        long end = bench.clock.millis() + plan.slowSeconds() * 1000L;
        String threadsSlow;
        try (PrintWriter probes = new PrintWriter(Files.newBufferedWriter(bench.file("probes.txt")))) {
            String login = server.base() + "/api/login";
            String body = "{\"jwt\":\"" + PROBE_JWT + "\"}";
            Thread logins = Probes.loop("login", () -> Http.post(login, body, Plan.PROBE_TIMEOUT), end,
                    Plan.PROBE_INTERVAL_MS, bench.clock, probes);
            Thread loginUrls = Probes.loop("login-url", () -> Http.get(server.base() + "/api/login-url", Plan.PROBE_TIMEOUT),
                    end, Plan.PROBE_INTERVAL_MS, bench.clock, probes);
            bench.clock.sleep((plan.slowSeconds() - 2) * 1000L);
            try {
                threadsSlow = Integer.toString(bench.proc.threads(server.pid()));
                bench.write("threads-slow-clients.txt", bench.proc.threadKinds(server.pid()));
            } catch (RuntimeException gone) {
                threadsSlow = "?";
            }
            clients.await();
            logins.join();
            loginUrls.join();
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + bench.file("probes.txt") + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
        String result = bench.lastLine("slow-clients.txt");
        if (Text.value(result, "opened") == null || Text.value(result, "opened").isEmpty()) {
            throw new BenchFailure("the slow-client loader printed no result: see " + bench.file("slow-clients.txt"));
        }
        List<String> lines = Probes.read(bench.file("probes.txt"));
        Slow s = new Slow(result, Text.statuses(result), Probes.Summary.of(lines, "login"),
                Probes.Summary.of(lines, "login-url"), threadsSlow);
        Probes.Summary l = s.logins();
        Probes.Summary u = s.loginUrl();
        bench.log.info("slow clients: " + s.value("opened") + " connections opened (at least " + s.value("open_min")
                + " open at once), answers " + or(s.statuses(), "none") + ", " + s.value("reset") + " reset; real logins meanwhile: "
                + l.count() + ", p50 " + l.p50() + " ms, p99 " + l.p99() + " ms, max " + l.max() + " ms, " + l.slow()
                + " over 2 s, " + l.failed() + " failed; login-url: " + u.count() + ", max " + u.max() + " ms, " + u.failed()
                + " failed");
        return s;
    }

    /**
     * A server that no longer answers logins is killed and started afresh (warmed up a little, so
     * the capacity phase does not measure its first requests' JIT).
     */
    private void restart(String after) {
        restarts++;
        server.kill();
        server.launch();
        if (!server.healthyWithin(180)) {
            throw new BenchFailure(bench.serverName + " did not come back after " + after + ": see "
                    + bench.file(server.logName()));
        }
        bench.wrk.run(server.base() + "/api/login", Plan.TARGET_CONNECTIONS, bench.plan.warmup(),
                bench.file("wrk-warmup-restart-" + restarts + ".txt"));
    }

    private String gone() {
        return server.alive() ? "" : " (its process is gone)";
    }

    private long oomLines() {
        return bench.linesContaining(server.logName(), "OutOfMemoryError");
    }

    static String or(String value, String otherwise) {
        return value == null || value.isEmpty() ? otherwise : value;
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }
}
