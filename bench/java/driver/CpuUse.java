package driver;

/**
 * The CPU of one measured run, from /proc readings before and after it, and the figures the
 * report gives of it. Ticks are the kernel's clock ticks ({@code getconf CLK_TCK} per second).
 *
 * @param serverTicks the server process's utime + stime over the run
 * @param jitTicks    of them its JIT compiler threads'
 * @param gcTicks     of them its GC threads'
 * @param mockTicks   the mock's
 * @param allTicks    every process's on the machine, with their reaped children's
 * @param wrkSeconds  wrk's own user + system CPU
 * @param elapsedMs   the run's wall-clock length
 * @param cores       the machine's cores
 * @param clkTck      ticks per second
 */
record CpuUse(long serverTicks, long jitTicks, long gcTicks, long mockTicks, long allTicks,
        double wrkSeconds, long elapsedMs, int cores, int clkTck) {

    /** what the cores could give over the run, in ticks (the script's integer arithmetic) */
    long capacityTicks() {
        return elapsedMs * cores * clkTck / 1000;
    }

    /** milliseconds of CPU per login, three decimals */
    static String msPerLogin(long ticks, long logins, int clkTck) {
        return Num.fixed(1000.0 * ticks / clkTck / logins, 3);
    }

    String serverMsPerLogin(long logins) {
        return msPerLogin(serverTicks, logins, clkTck);
    }

    String mockMsPerLogin(long logins) {
        return msPerLogin(mockTicks, logins, clkTck);
    }

    /** "12% / 3%": the JIT's and the GC's share of the server's CPU */
    String jitGcShares() {
        return Num.fixed(100.0 * jitTicks / serverTicks, 0) + "% / " + Num.fixed(100.0 * gcTicks / serverTicks, 0) + "%";
    }

    /** all processes' CPU over what the cores could give, in per cent */
    String machineBusy() {
        return Num.fixed(100.0 * allTicks / capacityTicks(), 0);
    }

    /** the part of it not used by the server, the mock or wrk, in per cent (never below 0) */
    String otherProcesses() {
        double others = 100.0 * (allTicks - (serverTicks + mockTicks) - wrkSeconds * clkTck) / capacityTicks();
        return Num.fixed(others < 0 ? 0 : others, 0);
    }
}
