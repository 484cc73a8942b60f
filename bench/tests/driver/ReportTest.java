package driver;

import java.util.List;

/**
 * The report from a known set of figures: those of a quick run of the shell script before the
 * driver, whose results.md is the fixture. Every heading, column, label and number format must
 * come out as it wrote them, or bench/compare no longer reads old and new reports alike.
 */
public final class ReportTest {
    static final long MIB = 1048576;

    static Results quickRun(Floor floor) {
        Results.Header header = new Results.Header("2026-12-07 02:19 UTC", "bb8b34e", 2, "AMD EPYC", "23", "13.19 12.62 9.87",
                "openjdk version \"17.0.15\" 2025-04-15", "Payara Micro 6.2025.10", 3, 15, Plan.SERVER_JVM_OPTS);
        Throughput.Row row = new Throughput.Row(64, "84", "670.5", "1072.4", "1478.7", "1684.4", "0", "12.459", "15% / 2%",
                "3.021", "100%", "49%", 306 * 427 + 100, 427);
        RedisStore.Row redis = new RedisStore.Row("93", "519.2", "1402.8", "0", "11.028", "0.043");
        String big = "clients=12 status_413=12 reset_before_status=0 no_answer=0 sent_whole=12 elapsed_ms=964 slowest_ms=963";
        Hostile.Oversized oversized = new Hostile.Oversized(big, Text.statuses(big), 76 * MIB + 1000, 75 * MIB - 1000, "108",
                0, "200");
        String slowLine = "opened=1000 connect_failed=0 answered=500 reset=0 open_at_end=500 open_min=324 body_bytes=36181 "
                + "answer_ms_min=10128 answer_ms_p50=10755 answer_ms_max=11088 status_408=500";
        Hostile.Slow slow = new Hostile.Slow(slowLine, Text.statuses(slowLine), new Probes.Summary(27, "22", "323", "373", 0, 0),
                new Probes.Summary(26, "9", "103", "223", 0, 0), "390");
        Hostile.Result hostile = new Hostile.Result(oversized, slow, 263, 390, 0, 25L);
        Startup.Result startup = new Startup.Result(23341, 75, "439");
        Capacity.Result capacity = new Capacity.Result(374, "673", 95 * MIB, 200, 1489, 374, "689", 95 * MIB + 200 * 32028L + 150,
                32028, null);
        Drain.Result drain = new Drain.Result(200, 0, 0, 28, 298, 1557L);
        return new Results(header, List.of(row), firstMinutes(), redis, hostile, startup, capacity, drain, false, floor);
    }

    /** a quick run's three windows of 2 s: the early figure is the third's (2–4 s after the first login) */
    static FirstMinutes.Result firstMinutes() {
        WrkResult slow = WrkResult.parseLine("BENCH {\"requests\":120,\"duration_us\":2000000,\"p50_us\":400000,"
                + "\"p90_us\":700000,\"p99_us\":1200000,\"max_us\":1500000,\"connect_errors\":0,\"read_errors\":0,"
                + "\"write_errors\":0,\"timeouts\":0,\"statuses\":{\"200\":120}}");
        WrkResult faster = WrkResult.parseLine("BENCH {\"requests\":400,\"duration_us\":2000000,\"p50_us\":150000,"
                + "\"p90_us\":250000,\"p99_us\":400000,\"max_us\":500000,\"connect_errors\":0,\"read_errors\":0,"
                + "\"write_errors\":0,\"timeouts\":0,\"statuses\":{\"200\":400}}");
        return new FirstMinutes.Result(2, 2, 2, List.of(
                new FirstMinutes.Window(0, 390, 200, slow),
                new FirstMinutes.Window(1, 380, 150, faster),
                new FirstMinutes.Window(2, 360, 90, faster)), 100);
    }

    @Test
    public void theQuickReportIsTheScriptsLineForLine() {
        Check.sameLines(Check.fixture("results-quick.md"), Report.write(Plan.of(true), "payara", quickRun(null)));
    }

    @Test
    public void theFloorsFiguresFillItsColumn() {
        Floor floor = new Floor("# The server's floor: payara, none of the module's code\n\n"
                + "2026-12-04 15:20 UTC, commit 0ef29ac, full run.\n\n"
                + "| figure | value |\n|---|---|\n"
                + "| **a login's floor**: suspended POST + callback POST + 2 upstream calls (Rest Client) | **0.412 ms** of server CPU |\n"
                + "| retained heap per held request (after a full GC) | 2310 bytes (10000 held) |\n"
                + "| all 10000 answered 503 at once from 2 threads: the last answer after | 10000 in 240 ms, 0 lost |\n");
        String report = Report.write(Plan.of(true), "payara", quickRun(floor));
        Check.isTrue(report.contains("(`bench/floor --server payara`, 2026-12-04 15:20 UTC, commit 0ef29ac): what the server"), report);
        Check.isTrue(report.contains("| 12.459 ms (the floor +12.047 ms) | MISSED | 0.412 ms of server CPU |"), report);
        Check.isTrue(report.contains("| 32028 bytes, +0 threads | MISSED | 2310 bytes (10000 held) |"), report);
        // 298 ms against 1.25 × 240 = 300 ms
        Check.isTrue(report.contains("| 200 in 298 ms, 0 lost | met | 10000 in 240 ms, 0 lost (no SIGTERM) |"), report);
        Check.isTrue(!report.contains("no floor"), report);
    }

    @Test
    public void aWarmUpOnlyReportHasTheFirstMinutesAndTheRowsAndNothingItSkipped() {
        Results full = quickRun(null);
        Results warmUp = new Results(full.header(), full.rows(), full.firstMinutes(), null, null, full.startup(), null, null, false,
                null);
        String report = Report.writeWarmUp(Plan.of(true), warmUp);
        Check.isTrue(report.contains("| 64 | 84 | 670.5 |"), report);
        Check.isTrue(report.contains("Start-up, launch to the first successful login: 23.3 s."), report);
        Check.isTrue(report.contains("| 4–6 s | 200 | 400.0 | 0 |"), report);
        Check.isTrue(report.contains("were not measured."), report);
        Check.isTrue(!report.contains("Redis") || report.contains("Redis store and targets were not measured"), report);
        Check.isTrue(!report.contains("SECRET"), report);
    }

    @Test
    public void withoutARunAt64TheTargetsAt64AreLeftOut() {
        Results at64 = quickRun(null);
        Throughput.Row row16 = new Throughput.Row(16, "900", "15.0", "20.0", "30.0", "40.0", "0", "1.100", "3% / 1%", "0.400",
                "95%", "5%", 1000, 18000);
        Results only16 = new Results(at64.header(), List.of(row16), at64.firstMinutes(), at64.redis(), at64.hostile(), at64.startup(),
                at64.capacity(), at64.drain(), true, null);
        String report = Report.write(Plan.of(true), "wildfly", only16);
        Check.isTrue(report.contains("| memory | ? | ? | ? | ? | ? | — |"), report);
        Check.isTrue(!report.contains("≥ 4,000 logins/s"), report);
        Check.isTrue(!report.contains("the Redis store ≥ 0.9×"), report);
        Check.isTrue(report.contains("| (beside the figures: the server's console log per login at 64 connections) | 0 bytes | | |"), report);
        Check.isTrue(report.contains("| client secret or session key found in the server or mock log | YES |"), report);
    }

    @Test
    public void aServerThatWasRestartedOrGoneSaysSo() {
        Results run = quickRun(null);
        Hostile.Oversized gone = new Hostile.Oversized(run.hostile().oversized().result(), "413×12", 76 * MIB, null, null, 2, "000");
        Hostile.Result restarted = new Hostile.Result(gone, run.hostile().slow(), 263, 80, 1, null);
        Drain.Result killed = new Drain.Result(150, 10, 40, 30, 1800, null);
        Results results = new Results(run.header(), run.rows(), run.firstMinutes(), run.redis(), restarted, run.startup(), run.capacity(), killed,
                false, null);
        String report = Report.write(Plan.of(true), "payara", results);
        Check.isTrue(report.contains("| … live heap after a full GC, before → after | 76 → (server gone) MiB; peak in use meanwhile ? MiB"), report);
        Check.isTrue(report.contains("| server after both | RESTARTED (1×): it answered no login |"), report);
        Check.isTrue(report.contains("| server exit after SIGTERM | did not exit within 60 s ms |"), report);
        Check.isTrue(report.contains("| … live heap after a full GC back to where it was (within 16 MiB) | 76 →  MiB | MISSED |"), report);
        Check.isTrue(report.contains("| all 200 waiting answered 503 within 1 s of SIGTERM, none lost | 150 in 1800 ms, 40 lost | MISSED |"), report);
        Check.isTrue(report.contains("| … no `OutOfMemoryError` | 2 | MISSED |"), report);
    }

    @Test
    public void theRowOfAMeasuredRunIsFormattedFromWrkAndProc() {
        WrkResult wrk = WrkResult.parse(Check.fixture("wrk-64.txt"));
        CpuUse cpu = new CpuUse(532, 80, 11, 129, 1022, 0.04, 5110, 2, 100);
        Check.equal(new Throughput.Row(64, "84", "670.5", "1072.4", "1478.7", "1684.4", "0", "12.459", "15% / 2%", "3.021",
                "100%", "35%", 130_662, 427), Throughput.row(64, wrk, cpu, 130_662));
    }

    @Test
    public void theLatencyPlotsDataAndRange() {
        List<Throughput.Row> rows = List.of(
                new Throughput.Row(16, "900", "15.0", "20.0", "30.0", "40.0", "0", "1", "1", "1", "1", "1", 0, 1),
                new Throughput.Row(256, "950", "250.5", "300.0", "400.1", "900.0", "0", "1", "1", "1", "1", "1", 0, 1));
        Check.equal(List.of("16 15.0 20.0 30.0", "256 250.5 300.0 400.1"), LatencyPlot.data(rows));
        String script = LatencyPlot.script(java.nio.file.Path.of("/o"), "Payara Micro 6", List.of(16, 64, 256));
        Check.isTrue(script.contains("set xtics (16,64,256)\nset xrange [12.8:320]\n"), script);
        Check.isTrue(script.contains("plot \"/o/latency.dat\" using 1:2 with linespoints title \"p50\", \\\n"), script);
    }
}
