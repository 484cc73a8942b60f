package driver;

import java.util.ArrayList;
import java.util.List;

/**
 * target/bench/S/results.md from a run's figures: every table as bench/compare reads it. The
 * targets are reported, never asserted; each verdict compares the figure as printed.
 */
final class Report {
    private final Plan plan;
    private final String server;
    private final Results r;
    private final List<String> out = new ArrayList<>();

    private Report(Plan plan, String server, Results results) {
        this.plan = plan;
        this.server = server;
        this.r = results;
    }

    /** the report's text, each line ending in a newline */
    static String write(Plan plan, String server, Results results) {
        Report report = new Report(plan, server, results);
        report.header();
        report.throughput();
        report.firstMinutes();
        report.pendingStore();
        report.hostile();
        report.capacity();
        report.targets();
        report.floorTargets();
        report.hostileTargets();
        report.notes();
        return String.join("\n", report.out) + "\n";
    }

    /**
     * The report of {@code --warm-up-only}: start-up, the first minutes and the settled rows, what
     * a JVM setting is judged by, and nothing of the phases it skipped.
     */
    static String writeWarmUp(Plan plan, Results results) {
        Report report = new Report(plan, "", results);
        report.header();
        report.throughput();
        report.firstMinutes();
        report.line("Warm-up only (`--warm-up-only`): the hostile clients, waiting logins, drain, Redis store and targets"
                + " were not measured." + (results.secretLeaked() ? " A SECRET WAS FOUND IN A LOG." : ""));
        return String.join("\n", report.out) + "\n";
    }

    /** how far a settled login's CPU may be above the floor's, in ms */
    static final double CPU_ABOVE_FLOOR = 0.15;
    /** the first minutes' CPU per login against the settled figure */
    static final double EARLY_OVER_SETTLED = 1.5;
    static final double REDIS_OVER_MEMORY = 0.9;
    /** the drain on SIGTERM against the floor's answer to as many held requests at once */
    static final double DRAIN_OVER_FLOOR = 1.25;

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private void line(String text) {
        out.add(text);
    }

    private void header() {
        Results.Header h = r.header();
        line("# Login benchmark");
        line("");
        line(h.date() + ", commit " + h.commit() + ", "
                + (plan.quick() ? "quick mode (figures not comparable with a full run)" : "full run") + ".");
        line("Machine: " + h.cores() + " cores (" + h.cpuModel() + "), " + h.memoryGiB() + " GiB; load average before the run "
                + h.loadBefore() + ". " + h.javaVersion() + ".");
        line("Server: " + h.serverName() + ", JVM options `" + String.join(" ", h.serverJvmOpts()) + "`; mock: `"
                + String.join(" ", Plan.MOCK_JVM_OPTS) + "`; wrk " + Plan.WRK_THREADS + " threads, " + plan.duration()
                + " s per run after " + h.warmed() + " s of warm-up (the first minutes, then until the JIT took "
                + h.jitShare() + "% of the server's CPU) + " + plan.warmup() + " s at each concurrency.");
        line("");
    }

    private void throughput() {
        line("## Throughput and latency (full login chain, `POST /api/login`)");
        line("");
        line("| connections | logins/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU ms/login | of it JIT / GC | mock CPU ms/login | machine busy | other processes |");
        line("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        for (Throughput.Row row : r.rows()) {
            line("| " + row.connections() + " | " + row.rps() + " | " + row.p50() + " | " + row.p90() + " | " + row.p99() + " | "
                    + row.max() + " | " + row.errors() + " | " + row.serverCpu() + " | " + row.jitGc() + " | " + row.mockCpu()
                    + " | " + row.machineBusy() + " | " + row.otherProcesses() + " |");
        }
        line("");
    }

    private void firstMinutes() {
        FirstMinutes.Result f = r.firstMinutes();
        line("## The first minutes (" + Plan.TARGET_CONNECTIONS + " connections from the first successful login)");
        line("");
        line("Start-up, launch to the first successful login: " + Num.fixed(r.startup().ms() / 1000.0, 1) + " s. Then wrk at "
                + Plan.TARGET_CONNECTIONS + " connections in windows of " + f.windowSeconds()
                + " s, one after the other, the first right after that login.");
        line("");
        line("| window after the first login | logins/s | p99 ms | errors | server CPU ms/login | of it JIT |");
        line("|---|---:|---:|---|---:|---:|");
        for (FirstMinutes.Window w : f.windows()) {
            int from = w.index() * f.windowSeconds();
            line("| " + from + "–" + (from + f.windowSeconds()) + " s | " + w.wrk().rps() + " | " + Num.ms(w.wrk().p99Us())
                    + " | " + w.wrk().errors() + " | " + f.cpu(w) + " | " + FirstMinutes.Result.jitShare(w) + " |");
        }
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| " + earlyLabel() + " | " + f.earlyCpu() + " ms" + againstSettled() + " |");
        line("");
    }

    private String earlyLabel() {
        FirstMinutes.Result f = r.firstMinutes();
        return "server CPU per login " + f.earlyFrom() + "–" + (f.earlyFrom() + f.earlySeconds()) + " s after the first login";
    }

    /** " = 2.80× the settled 1.075 ms", or "" without a settled figure at 64 connections */
    private String againstSettled() {
        Throughput.Row m = r.row(Plan.TARGET_CONNECTIONS);
        double early = Num.parse(r.firstMinutes().earlyCpu());
        if (m == null || Num.parse(m.serverCpu()) <= 0 || early <= 0) {
            return "";
        }
        return " = " + Num.fixed(early / Num.parse(m.serverCpu()), 2) + "× the settled " + m.serverCpu() + " ms (at "
                + Plan.TARGET_CONNECTIONS + " connections, after the warm-up)";
    }

    private void pendingStore() {
        Throughput.Row m = r.row(Plan.TARGET_CONNECTIONS);
        RedisStore.Row redis = r.redis();
        line("## The pending store at 64 connections: memory against Redis");
        line("");
        line("| store | logins/s | p50 ms | p99 ms | errors | server CPU ms/login | redis-server CPU ms/login |");
        line("|---|---:|---:|---:|---|---:|---:|");
        line("| memory | " + (m == null ? "? | ? | ? | ? | ?" : m.rps() + " | " + m.p50() + " | " + m.p99() + " | " + m.errors()
                + " | " + m.serverCpu()) + " | — |");
        line("| redis | " + redis.rps() + " | " + redis.p50() + " | " + redis.p99() + " | " + redis.errors() + " | "
                + redis.serverCpu() + " | " + redis.redisCpu() + " |");
        line("");
    }

    private void hostile() {
        Hostile.Result h = r.hostile();
        Hostile.Oversized big = h.oversized();
        Hostile.Slow slow = h.slow();
        Probes.Summary pl = slow.logins();
        Probes.Summary pu = slow.loginUrl();
        line("## Hostile clients");
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| " + Plan.BIG_CLIENTS + " concurrent logins with a " + Plan.BIG_JWT_CHARS / 1000000 + " MB body: answers | "
                + Hostile.or(big.statuses(), "none") + "; reset before a status " + big.value("reset_before_status")
                + ", no answer within " + plan.bigDeadline() + " s " + big.value("no_answer") + "; " + big.value("sent_whole")
                + " sent their whole body before an answer |");
        line("| … time to the last status | " + big.value("slowest_ms") + " ms (all done in " + big.value("elapsed_ms") + " ms) |");
        line("| … live heap after a full GC, before → after | " + heapBeforeBig() + " → "
                + (big.heapAfter() == null ? "(server gone)" : Num.mib(big.heapAfter())) + " MiB; peak in use meanwhile "
                + Hostile.or(big.peakMib(), "?") + " MiB (`jstat -gc`, 200 ms) |");
        line("| … `OutOfMemoryError` lines in the server's log | " + big.oomLines() + " |");
        line("| … a login right after | " + big.loginAfter() + " |");
        line("| " + Plan.SLOW_CLIENTS + " slow clients for " + plan.slowSeconds() + " s (chunked, a byte every "
                + Plan.SLOW_INTERVAL_MS + " ms): connections | " + slow.value("opened") + " opened, at least "
                + slow.value("open_min") + " open at once after the first 2 s, " + slow.value("connect_failed")
                + " failed to connect |");
        line("| … answers to them | " + Hostile.or(slow.statuses(), "none") + "; " + slow.value("reset")
                + " closed or reset before a status; time to an answer min / p50 / max " + slow.value("answer_ms_min") + " / "
                + slow.value("answer_ms_p50") + " / " + slow.value("answer_ms_max") + " ms |");
        line("| … real logins meanwhile (one at a time, every " + Plan.PROBE_INTERVAL_MS + " ms, " + Plan.PROBE_TIMEOUT
                + " s timeout) | " + probes(pl) + " |");
        line("| … `GET /api/login-url` meanwhile | " + probes(pu) + " |");
        line("| server threads: before / with the slow clients / after | " + h.threadsBefore() + " / " + slow.threadsSlow()
                + " / " + h.threadsAfter() + " |");
        line("| server after both | " + (h.restarts() > 0 ? "RESTARTED (" + h.restarts() + "×): it answered no login"
                : "a login answered 200 " + (h.recoveredMs() == null ? 0 : h.recoveredMs()) + " ms after the slow clients stopped")
                + " |");
        line("");
    }

    private static String probes(Probes.Summary p) {
        return p.count() + ": p50 " + p.p50() + " ms, p99 " + p.p99() + " ms, max " + p.max() + " ms; " + p.slow()
                + " over 2 s, " + p.failed() + " failed";
    }

    private void capacity() {
        Capacity.Result c = r.capacity();
        Drain.Result d = r.drain();
        Startup.Result s = r.startup();
        int waiting = plan.waiting();
        line("## Capacity, drain, start-up");
        line("");
        line("| figure | value |");
        line("|---|---|");
        line("| start-up: launch to first successful login | " + Num.fixed(s.ms() / 1000.0, 1) + " s |");
        line("| waiting logins reached authorize | " + c.reached() + " of " + waiting + ", in " + Num.fixed(c.openMs() / 1000.0, 1)
                + " s |");
        line("| retained heap per waiting login (after full GC) | " + c.perLoginBytes() + " bytes ("
                + Capacity.orZero(c.heapIdle()) / 1048576 + " → " + Capacity.orZero(c.heapWaiting()) / 1048576 + " MiB live) |");
        line("| server threads: after start-up / idle after load / " + waiting + " waiting | " + s.threads() + " / "
                + c.threadsIdle() + " / " + c.threadsWaiting() + " (" + Num.signed(threadGrowth()) + ") |");
        line("| server RSS: after start-up / idle after load / " + waiting + " waiting | " + s.rssMib() + " / " + c.rssIdle()
                + " / " + c.rssWaiting() + " MiB |");
        line("| drain: answered 503 SHUTDOWN after SIGTERM | " + d.shutdown() + " of " + waiting + ": the first " + d.firstMs()
                + " ms, the last " + d.lastMs() + " ms after SIGTERM |");
        line("| drain: other answers / lost (closed or never answered) | " + d.otherAnswers() + " / " + d.lost() + " |");
        line("| server exit after SIGTERM | " + (d.exitedMs() == null ? "did not exit within 60 s" : d.exitedMs()) + " ms |");
        line("| client secret or session key found in the server or mock log | " + (r.secretLeaked() ? "YES" : "no") + " |");
        line("");
    }

    private void targets() {
        Throughput.Row m = r.row(Plan.TARGET_CONNECTIONS);
        line("## Targets: the first release (throughput, heap, drain)");
        line("");
        line("| target | measured | |");
        line("|---|---|---|");
        if (m != null) {
            line("| ≥ 4,000 logins/s at 64 connections, 0 errors | " + m.rps() + "/s, errors " + m.errors() + " | "
                    + verdict(Num.parse(m.rps()) >= 4000 && m.errors().equals("0")) + " |");
            line("| p99 ≤ 50 ms at 64 connections | " + m.p99() + " ms | " + verdict(Num.parse(m.p99()) <= 50) + " |");
            line("| ≤ 0.3 ms server CPU per login (at 64) | " + m.serverCpu() + " ms | " + verdict(Num.parse(m.serverCpu()) <= 0.3)
                    + " |");
        }
        Capacity.Result c = r.capacity();
        line("| ≤ 10 KB retained heap per waiting login | " + c.perLoginBytes() + " bytes | " + verdict(c.perLoginBytes() <= 10240)
                + " |");
        line("| threads grow < 50 from idle to " + plan.waiting() + " waiting | " + Num.signed(threadGrowth()) + " | "
                + verdict(threadGrowth() < 50) + " |");
        line("| all " + plan.waiting() + " waiting answered 503 within 1 s of SIGTERM, none lost | " + drainMeasured() + " | "
                + verdict(drainMet()) + " |");
        line("");
    }

    private void floorTargets() {
        Floor floor = r.floor();
        Throughput.Row m = r.row(Plan.TARGET_CONNECTIONS);
        Capacity.Result c = r.capacity();
        Drain.Result d = r.drain();
        line("## Targets: against the server's floor");
        line("");
        line("The last column is the same figure for a WAR with none of the module's code on the same server");
        line("(`bench/floor --server " + server + "`, " + (floor == null ? "not run here yet" : floor.run())
                + "): what the server itself costs for the same steps." + (floor == null
                        ? " Without it the targets relative to it say \"no floor\"." : ""));
        line("");
        line("| target | measured | | the server's floor |");
        line("|---|---|---|---|");
        if (m != null) {
            double cpu = Num.parse(m.serverCpu());
            String loginFloor = floorFigure("a login's floor");
            line("| server CPU per login at " + Plan.TARGET_CONNECTIONS + " connections ≤ the floor + " + CPU_ABOVE_FLOOR
                    + " ms | " + m.serverCpu() + " ms"
                    + (floor == null ? "" : " (the floor " + Num.signedFixed(cpu - Num.parse(loginFloor), 3) + " ms)") + " | "
                    + floorVerdict(cpu <= Num.parse(loginFloor) + CPU_ABOVE_FLOOR) + " | " + loginFloor + " |");
            double early = Num.parse(r.firstMinutes().earlyCpu());
            line("| the first minutes: " + earlyLabel() + " ≤ " + EARLY_OVER_SETTLED + "× the settled figure | "
                    + r.firstMinutes().earlyCpu() + " ms" + againstSettled() + " | "
                    + verdict(early > 0 && early <= EARLY_OVER_SETTLED * cpu) + " | — |");
            String ratio = Num.fixed(Num.parse(m.rps()) > 0 ? Num.parse(r.redis().rps()) / Num.parse(m.rps()) : 0, 2);
            line("| the Redis store ≥ " + REDIS_OVER_MEMORY + "× the memory store's logins/s at 64 connections | " + r.redis().rps()
                    + " against " + m.rps() + ": " + ratio + "× | " + verdict(Num.parse(ratio) >= REDIS_OVER_MEMORY) + " | — |");
            line("| no errors at " + Plan.TARGET_CONNECTIONS + " connections (p99 and logins/s beside it) | errors " + m.errors()
                    + "; p99 " + m.p99() + " ms at " + m.rps() + " logins/s | " + verdict(m.errors().equals("0")) + " | — |");
        }
        String heldFloor = floorFigure("retained heap per held request");
        line("| retained heap per waiting login ≤ the floor's held request + 1 KB, threads flat (fewer than 50 more) | "
                + c.perLoginBytes() + " bytes, " + Num.signed(threadGrowth()) + " threads | "
                + floorVerdict(c.perLoginBytes() <= Num.parse(heldFloor) + 1024 && threadGrowth() < 50) + " | " + heldFloor + " |");
        String drainFloor = floorFigure("answered 503 at once");
        long floorMs = millisecondsIn(drainFloor);
        line("| the drain of all " + plan.waiting() + " waiting on SIGTERM ≤ " + DRAIN_OVER_FLOOR
                + "× the floor's answer to as many at once, none lost | " + drainMeasured() + " | "
                + floorVerdict(d.shutdown() == plan.waiting() && d.lost() == 0 && d.lastMs() <= DRAIN_OVER_FLOOR * floorMs)
                + " | " + drainFloor + (floor == null ? "" : " (no SIGTERM)") + " |");
        long logBytes = m == null ? 0 : m.logBytes();
        long logins = m == null ? 0 : m.okLogins();
        line("| (beside the figures: the server's console log per login at 64 connections) | "
                + Num.fixed(logins > 0 ? (double) logBytes / logins : 0, 0) + " bytes | | |");
        line("");
    }

    /** "10000 in 240 ms, 0 lost": 240; 0 when it says no time */
    static long millisecondsIn(String figure) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" in ([0-9]+) ms").matcher(figure);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** a verdict that needs the floor's figure: none without bench/floor's report */
    private String floorVerdict(boolean met) {
        return r.floor() == null ? "no floor" : verdict(met);
    }

    private void hostileTargets() {
        Hostile.Oversized big = r.hostile().oversized();
        Probes.Summary pl = r.hostile().slow().logins();
        line("## Targets: hostile clients");
        line("");
        line("| target | measured | |");
        line("|---|---|---|");
        line("| " + Plan.BIG_CLIENTS + " concurrent " + Plan.BIG_JWT_CHARS / 1000000 + " MB bodies: all 413 | "
                + Hostile.or(big.statuses(), "none") + " | " + verdict(Text.number(big.result(), "status_413") == Plan.BIG_CLIENTS)
                + " |");
        line("| … no `OutOfMemoryError` | " + big.oomLines() + " | " + verdict(big.oomLines() == 0) + " |");
        boolean heapBack = big.heapBefore() != null
                && (big.heapAfter() == null ? 999_999_999_999L : big.heapAfter()) - big.heapBefore() <= 16 * 1048576L;
        line("| … live heap after a full GC back to where it was (within 16 MiB) | " + heapBeforeBig() + " → "
                + (big.heapAfter() == null ? "" : Num.mib(big.heapAfter())) + " MiB | " + verdict(heapBack) + " |");
        line("| " + Plan.SLOW_CLIENTS + " slow clients: every real login answered 200 in < 2 s | " + pl.count() + " logins, max "
                + pl.max() + " ms, " + pl.slow() + " over 2 s, " + pl.failed() + " failed | "
                + verdict(pl.count() > 0 && pl.slow() == 0 && pl.failed() == 0) + " |");
        line("");
    }

    private void notes() {
        line("CPU is per successful login, from /proc/<pid>/stat over the measured run. \"Machine busy\" is the");
        line("CPU all processes used in that run over what the cores could give; \"other processes\" is the part");
        line("not used by the server, the mock or wrk. Latency is wrk's (closed loop: each connection sends");
        line("its next login when the last is answered).");
    }

    private String heapBeforeBig() {
        Long before = r.hostile().oversized().heapBefore();
        return Num.mib(before == null ? 0 : before);
    }

    private long threadGrowth() {
        return r.capacity().threadsWaiting() - r.capacity().threadsIdle();
    }

    private String drainMeasured() {
        Drain.Result d = r.drain();
        return d.shutdown() + " in " + d.lastMs() + " ms, " + d.lost() + " lost";
    }

    private boolean drainMet() {
        Drain.Result d = r.drain();
        return d.shutdown() == plan.waiting() && d.lastMs() <= 1000 && d.lost() == 0;
    }

    private String floorFigure(String key) {
        return r.floor() == null ? "(run bench/floor)" : r.floor().figure(key);
    }
}
