package driver;

import java.util.Map;

public final class WrkResultTest {
    @Test
    public void readsTheBenchLineOfACapturedRun() {
        WrkResult wrk = WrkResult.parse(Check.fixture("wrk-64.txt"));
        Check.equal(5_110_157L, wrk.durationUs());
        Check.equal(670_468L, wrk.p50Us());
        Check.equal(1_072_421L, wrk.p90Us());
        Check.equal(1_478_747L, wrk.p99Us());
        Check.equal(1_684_365L, wrk.maxUs());
        Check.equal(427L, wrk.ok());
        Check.equal(Map.of("200", 427L), wrk.statuses());
        Check.equal("0", wrk.errors());
        // as the script's report had it: 84 logins/s, 670.5 / 1072.4 / 1478.7 / 1684.4 ms
        Check.equal("84", wrk.rps());
        Check.equal("670.5", Num.ms(wrk.p50Us()));
        Check.equal("1072.4", Num.ms(wrk.p90Us()));
        Check.equal("1478.7", Num.ms(wrk.p99Us()));
        Check.equal("1684.4", Num.ms(wrk.maxUs()));
    }

    @Test
    public void noBenchLineIsNoResult() {
        Check.equal(null, WrkResult.parse("Running 5s test @ http://127.0.0.1:1/api/login\nunable to connect\n"));
    }

    @Test
    public void errorsAreTheOtherStatusesThenTheSocketErrorsByKind() {
        WrkResult wrk = WrkResult.parseLine("{\"requests\":110,\"duration_us\":20000000,\"p50_us\":1,\"p90_us\":2,"
                + "\"p99_us\":3,\"max_us\":4,\"connect_errors\":1,\"read_errors\":0,\"write_errors\":2,\"timeouts\":7,"
                + "\"statuses\":{\"503\":4,\"200\":100,\"500\":6}}");
        Check.equal(100L, wrk.ok());
        Check.equal("503×4, 500×6, connect_error×1, write_error×2, timeout×7", wrk.errors());
        Check.equal("5", wrk.rps());
    }

    @Test
    public void aRunWithNoAnswerHasNoSuccessfulLogin() {
        WrkResult wrk = WrkResult.parseLine("{\"requests\":0,\"duration_us\":5000000,\"p50_us\":0,\"p90_us\":0,"
                + "\"p99_us\":0,\"max_us\":0,\"connect_errors\":64,\"read_errors\":0,\"write_errors\":0,\"timeouts\":0,"
                + "\"statuses\":{}}");
        Check.equal(0L, wrk.ok());
        Check.equal("connect_error×64", wrk.errors());
    }

    @Test
    public void theRunsLengthHasSixDigitsAsAwkPrintedIt() {
        WrkResult wrk = WrkResult.parseLine("{\"duration_us\":5001234,\"statuses\":{\"200\":1000}}");
        Check.equal(5.00123, wrk.seconds());
    }

    @Test
    public void theCommandIsTheScriptsOne() {
        Check.equal(java.util.List.of("wrk", "-t2", "-c64", "-d5s", "--timeout", "10s", "-s", "/r/bench/login.lua",
                "http://127.0.0.1:8080/api/login"), Wrk.command(java.nio.file.Path.of("/r/bench/login.lua"),
                "http://127.0.0.1:8080/api/login", 64, 5));
    }
}
