package driver;

public final class CpuUseTest {
    /** 5.11 s on 2 cores at 100 ticks a second: 1022 ticks the cores could give */
    private final CpuUse use = new CpuUse(532, 80, 11, 129, 1022, 0.04, 5110, 2, 100);

    @Test
    public void perLoginIsMillisecondsOfCpuWithThreeDecimals() {
        Check.equal("12.459", use.serverMsPerLogin(427));
        Check.equal("3.021", use.mockMsPerLogin(427));
    }

    @Test
    public void theJitAndGcSharesAreOfTheServersCpu() {
        Check.equal("15% / 2%", use.jitGcShares());
    }

    @Test
    public void capacityIsTheScriptsIntegerArithmetic() {
        Check.equal(1022L, use.capacityTicks());
        Check.equal(1021L, new CpuUse(0, 0, 0, 0, 0, 0, 5109, 2, 100).capacityTicks());   // 1021.8, truncated
    }

    @Test
    public void machineBusyAndOtherProcesses() {
        Check.equal("100", use.machineBusy());
        // 1022 - 532 - 129 - 4 (wrk) = 357 ticks of 1022
        Check.equal("35", use.otherProcesses());
    }

    @Test
    public void otherProcessesAreNeverBelowZero() {
        Check.equal("0", new CpuUse(600, 0, 0, 300, 800, 1.0, 5000, 2, 100).otherProcesses());
    }
}
