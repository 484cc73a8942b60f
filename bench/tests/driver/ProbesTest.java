package driver;

import java.util.ArrayList;
import java.util.List;

public final class ProbesTest {
    @Test
    public void aSummaryIsCountPercentilesMaxSlowAndFailed() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add("login 200 0.0" + i % 10 + "5");
        }
        lines.add("login 000 10.001234");
        lines.add("login 503 2.5");
        lines.add("login-url 200 0.003367");
        Probes.Summary login = Probes.Summary.of(lines, "login");
        Check.equal(12, login.count());
        Check.equal("55", login.p50());     // the 6th of 12 sorted: index (12 - 1) * 0.5 = 5
        Check.equal("2500", login.p99());   // index 10
        Check.equal("10001", login.max());
        Check.equal(2L, login.slow());
        Check.equal(2L, login.failed());
        Check.equal(new Probes.Summary(1, "3", "3", "3", 0, 0), Probes.Summary.of(lines, "login-url"));
    }

    @Test
    public void noProbeIsDashes() {
        Check.equal(new Probes.Summary(0, "-", "-", "-", 0, 0), Probes.Summary.of(List.of(), "login"));
    }
}
