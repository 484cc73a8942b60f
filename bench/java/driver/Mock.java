package driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock DeOAuth server (MockDeOAuthMain, from the project's test classes) in a process of its
 * own, and its counters: a login waits once the server has sent its authorize, and the mock counts
 * them.
 */
final class Mock {
    static final String MAIN = "com.altscodex.jakarta.dev.MockDeOAuthMain";

    private final Bench bench;
    private final String base;
    private Child child;

    Mock(Bench bench, int port) {
        this.bench = bench;
        this.base = "http://127.0.0.1:" + port;
    }

    String base() {
        return base;
    }

    Child child() {
        return child;
    }

    void start(String classpath, String clientId, String clientSecret) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(Plan.MOCK_JVM_OPTS);
        command.addAll(List.of("-cp", classpath, MAIN, base.substring(base.lastIndexOf(':') + 1)));
        child = bench.processes.start("the mock", command,
                Map.of("MOCK_CLIENT_ID", clientId, "MOCK_CLIENT_SECRET", clientSecret), bench.file("mock.log"), false);
        for (int i = 0; i < 200; i++) {
            if (authorizeCount() != null) {
                return;
            }
            if (!child.alive()) {
                throw new BenchFailure("the mock exited: see " + bench.file("mock.log"));
            }
            bench.clock.sleep(100);
        }
        if (authorizeCount() == null) {
            throw new BenchFailure("the mock did not answer within 20 s: see " + bench.file("mock.log"));
        }
    }

    /** the authorize requests it has had, or null when its stats did not answer */
    Long authorizeCount() {
        return stat(Http.get(base + "/mock/stats", 5).body(), "authorize");
    }

    static Long stat(String stats, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":([0-9]+)").matcher(stats);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** the mock must outlive the hostile clients, or the probes and the health checks measure nothing */
    void requireAlive(String when) {
        if (!child.alive()) {
            throw new BenchFailure("the mock DeOAuth server (pid " + child.pid() + ") is gone " + when
                    + ": killed from outside? see " + bench.file("mock.log"));
        }
    }
}
