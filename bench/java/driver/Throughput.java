package driver;

import java.util.ArrayList;
import java.util.List;

/**
 * Throughput and latency of the full login chain with wrk at each concurrency, after a warm-up
 * there, with the CPU the server and the mock spent per login (from /proc), the JIT's and the GC's
 * share of the server's, how busy the machine was and the server's log volume.
 */
final class Throughput {
    /** one row of the table; the figures as the report prints them */
    record Row(int connections, String rps, String p50, String p90, String p99, String max, String errors,
            String serverCpu, String jitGc, String mockCpu, String machineBusy, String otherProcesses, long logBytes,
            long okLogins) {
    }

    private Throughput() {
    }

    static List<Row> measure(Bench bench, Server server, Mock mock) {
        List<Row> rows = new ArrayList<>();
        String url = server.base() + "/api/login";
        for (int c : bench.plan.concurrencies()) {
            bench.wrk.run(url, c, bench.plan.warmup(), bench.file("wrk-warmup-" + c + ".txt"));
            long serverBefore = bench.proc.cpuTicks(server.pid());
            ProcFs.JitGc jitGcBefore = server.jitGc();
            long mockBefore = bench.proc.cpuTicks(mock.child().pid());
            long allBefore = bench.proc.allTicks();
            long started = bench.clock.millis();
            long logBefore = bench.size(server.logName());
            bench.log.info("measuring: " + bench.plan.duration() + " s at " + c + " connections");
            Wrk.Run run = bench.wrk.run(url, c, bench.plan.duration(), bench.file("wrk-" + c + ".txt"));
            long logBytes = bench.size(server.logName()) - logBefore;
            long serverTicks = bench.proc.cpuTicks(server.pid()) - serverBefore;
            ProcFs.JitGc jitGcAfter = server.jitGc();
            long mockTicks = bench.proc.cpuTicks(mock.child().pid()) - mockBefore;
            long allTicks = bench.proc.allTicks() - allBefore;
            CpuUse cpu = new CpuUse(serverTicks, jitGcAfter.jit() - jitGcBefore.jit(), jitGcAfter.gc() - jitGcBefore.gc(),
                    mockTicks, allTicks, run.cpuSeconds(), bench.clock.millis() - started, bench.cores, bench.clkTck);
            WrkResult wrk = run.require();
            if (wrk.ok() <= 0) {
                throw new BenchFailure("no successful login at " + c + " connections: see " + run.output() + " and "
                        + bench.file(server.logName()));
            }
            Row row = row(c, wrk, cpu, logBytes);
            rows.add(row);
            bench.log.info(c + " connections: " + row.rps() + " logins/s, p99 " + row.p99() + " ms, errors " + row.errors()
                    + ", server " + row.serverCpu() + " ms CPU/login");
        }
        return rows;
    }

    static Row row(int connections, WrkResult wrk, CpuUse cpu, long logBytes) {
        long ok = wrk.ok();
        return new Row(connections, wrk.rps(), Num.ms(wrk.p50Us()), Num.ms(wrk.p90Us()), Num.ms(wrk.p99Us()),
                Num.ms(wrk.maxUs()), wrk.errors(), cpu.serverMsPerLogin(ok), cpu.jitGcShares(), cpu.mockMsPerLogin(ok),
                cpu.machineBusy() + "%", cpu.otherProcesses() + "%", logBytes, ok);
    }
}
