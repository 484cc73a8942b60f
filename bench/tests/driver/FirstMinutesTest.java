package driver;

import java.util.List;

public final class FirstMinutesTest {
    private static WrkResult logins(long ok) {
        return WrkResult.parseLine("BENCH {\"requests\":" + ok + ",\"duration_us\":10000000,\"p50_us\":1,\"p90_us\":1,"
                + "\"p99_us\":1,\"max_us\":1,\"connect_errors\":0,\"read_errors\":0,\"write_errors\":0,\"timeouts\":0,"
                + "\"statuses\":{\"200\":" + ok + "}}");
    }

    @Test
    public void theEarlyFigureIsOverTheWindowsInItsSpanOnly() {
        // windows of 10 s; the figure is over 60-80 s: the 7th and 8th windows (ticks of 10 ms)
        List<FirstMinutes.Window> windows = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            windows.add(new FirstMinutes.Window(i, 1000 + i, 100, logins(i == 6 || i == 7 ? 4000 : 1)));
        }
        FirstMinutes.Result result = new FirstMinutes.Result(10, 60, 20, windows, 100);
        // (1006 + 1007) ticks of 10 ms over 8000 logins
        Check.equal("2.516", result.earlyCpu());
        Check.equal(100, result.seconds());
        Check.equal("10%", FirstMinutes.Result.jitShare(windows.get(0)));
    }

    @Test
    public void withoutALoginInItsSpanTheFigureIsUnknown() {
        FirstMinutes.Result tooShort = new FirstMinutes.Result(2, 2, 2,
                List.of(new FirstMinutes.Window(0, 50, 10, logins(10))), 100);
        Check.equal("?", tooShort.earlyCpu());
        Check.equal("?", tooShort.cpu(new FirstMinutes.Window(1, 50, 10, logins(0))));
    }
}
