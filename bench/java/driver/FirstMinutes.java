package driver;

import java.util.ArrayList;
import java.util.List;

/**
 * The first minutes of a server that has just started: load at 64 connections from its first
 * successful login on, measured in consecutive windows. A server that has just started, been
 * redeployed or scaled out runs its logins while the JIT still compiles them; the settled figures,
 * measured after the warm-up, hide what that costs.
 */
final class FirstMinutes {
    /**
     * One window of load.
     *
     * @param index       its place, from 0: it covers index × seconds … (index + 1) × seconds after the first
     *                    login (the windows follow one another, each a little after its nominal start: wrk's own
     *                    start and end)
     * @param serverTicks the server's CPU over it
     * @param jitTicks    of them its JIT compiler threads'
     */
    record Window(int index, long serverTicks, long jitTicks, WrkResult wrk) {
    }

    /**
     * What the windows measured, and the figure the target is on: the CPU per login in the windows
     * that start from {@code earlyFrom} to {@code earlyFrom + earlySeconds} seconds after the first login.
     */
    record Result(int windowSeconds, int earlyFrom, int earlySeconds, List<Window> windows, int clkTck) {
        /** milliseconds of server CPU per login over those windows, three decimals; "?" when none holds a login */
        String earlyCpu() {
            long ticks = 0;
            long logins = 0;
            for (Window w : windows) {
                long from = (long) w.index() * windowSeconds;
                if (from >= earlyFrom && from < earlyFrom + earlySeconds) {
                    ticks += w.serverTicks();
                    logins += w.wrk().ok();
                }
            }
            return logins == 0 ? "?" : CpuUse.msPerLogin(ticks, logins, clkTck);
        }

        /** the seconds of load in all */
        int seconds() {
            return windows.size() * windowSeconds;
        }

        String cpu(Window w) {
            return w.wrk().ok() == 0 ? "?" : CpuUse.msPerLogin(w.serverTicks(), w.wrk().ok(), clkTck);
        }

        static String jitShare(Window w) {
            return w.serverTicks() == 0 ? "?" : Num.fixed(100.0 * w.jitTicks() / w.serverTicks(), 0) + "%";
        }
    }

    private FirstMinutes() {
    }

    /** call it right after the first successful login: the windows count from then */
    static Result measure(Bench bench, Server server) {
        Plan plan = bench.plan;
        String url = server.base() + "/api/login";
        bench.log.info("the first minutes: " + plan.firstMinutesWindows() + " windows of " + plan.windowSeconds() + " s at "
                + Plan.TARGET_CONNECTIONS + " connections from the first login on");
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < plan.firstMinutesWindows(); i++) {
            long serverBefore = bench.proc.cpuTicks(server.pid());
            long jitBefore = server.jitGc().jit();
            Wrk.Run run = bench.wrk.run(url, Plan.TARGET_CONNECTIONS, plan.windowSeconds(), bench.file("wrk-first-minutes.txt"));
            long serverTicks = bench.proc.cpuTicks(server.pid()) - serverBefore;
            long jitTicks = server.jitGc().jit() - jitBefore;
            windows.add(new Window(i, serverTicks, jitTicks, run.require()));
        }
        Result result = new Result(plan.windowSeconds(), plan.earlyFrom(), plan.earlySeconds(), windows, bench.clkTck);
        bench.log.info("the first minutes: " + result.earlyCpu() + " ms of server CPU per login " + plan.earlyFrom() + "-"
                + (plan.earlyFrom() + plan.earlySeconds()) + " s after the first login");
        return result;
    }
}
