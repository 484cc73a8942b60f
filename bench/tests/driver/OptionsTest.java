package driver;

public final class OptionsTest {
    @Test
    public void theDefaultIsAFullBuiltRunOnPayara() throws Exception {
        Check.equal(new Options("payara", false, false, true, false, java.util.List.of()), Options.parse());
    }

    @Test
    public void everyOption() throws Exception {
        Check.equal(new Options("wildfly", true, true, false, true, java.util.List.of()),
                Options.parse("--quick", "--profile", "--no-build", "--warm-up-only", "--server", "wildfly"));
        Check.equal(new Options("liberty", false, false, true, false, java.util.List.of()), Options.parse("--server=liberty"));
    }

    @Test
    public void wrongOptionsAreTheScriptsUsageErrors() {
        Check.equal(Options.USAGE, Check.fails(Options.UsageError.class, () -> Options.parse("--fast")).getMessage());
        Check.equal("bench/run: --server payara, wildfly or liberty",
                Check.fails(Options.UsageError.class, () -> Options.parse("--server", "tomcat")).getMessage());
        Check.equal("bench/run: --server payara, wildfly or liberty",
                Check.fails(Options.UsageError.class, () -> Options.parse("--server")).getMessage());
    }

    @Test
    public void eachJvmOptIsOneOptionAfterTheBenchmarksOwn() throws Exception {
        Options options = Options.parse("--jvm-opt", "-XX:TieredStopAtLevel=1", "--jvm-opt", "-XX:+UseParallelGC");
        Check.equal(java.util.List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"), options.jvmOpts());
        java.util.List<String> all = options.serverJvmOpts();
        Check.equal(Plan.SERVER_JVM_OPTS, all.subList(0, Plan.SERVER_JVM_OPTS.size()));
        Check.equal("-XX:+UseParallelGC", all.get(all.size() - 1));
        for (String wrong : new String[] {"TieredStopAtLevel=1", "-Xmx1g -Xms1g", ""}) {
            Check.fails(Options.UsageError.class, () -> Options.parse("--jvm-opt", wrong));
        }
        Check.fails(Options.UsageError.class, () -> Options.parse("--jvm-opt"));
    }

    @Test
    public void theQuickPlanIsTheCiOne() {
        Plan quick = Plan.of(true);
        Check.equal(java.util.List.of(64), quick.concurrencies());
        Check.equal(200, quick.waiting());
        Plan full = Plan.of(false);
        Check.equal(java.util.List.of(16, 64, 256), full.concurrencies());
        Check.equal(300, full.firstMinutesWindows() * full.windowSeconds());
        Check.equal(60, full.earlyFrom());
        Check.equal(20, full.earlySeconds());
        Check.equal(120, full.maxWarmup());
        Check.equal(420, full.settledWithin());
        Check.equal(10_000, full.waiting());
    }
}
