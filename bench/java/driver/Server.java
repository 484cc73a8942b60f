package driver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One server under test with the WAR, started by server-config/start-server (which becomes the
 * server's JVM, so the pid is the JVM's and SIGTERM reaches it), configured by its environment.
 */
final class Server {
    private final Bench bench;
    private final int port;
    private final Path war;
    private final String workDir;
    private final String logName;
    private final boolean appendLog;
    private final Map<String, String> env;
    private ProcFs.Counter jitGc;
    private long jitGcPid;
    private Child child;

    /**
     * @param workDir   start-server's folder, in the output folder
     * @param logName   its console, in the output folder
     * @param appendLog appended to (a restart keeps what the first run logged) or written anew
     * @param env       the ALTSCODEX_* settings
     */
    Server(Bench bench, int port, Path war, String workDir, String logName, boolean appendLog, Map<String, String> env) {
        this.bench = bench;
        this.port = port;
        this.war = war;
        this.workDir = workDir;
        this.logName = logName;
        this.appendLog = appendLog;
        this.env = env;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return child.pid();
    }

    Child child() {
        return child;
    }

    boolean alive() {
        return child != null && child.alive();
    }

    String logName() {
        return logName;
    }

    void launch() {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("SERVER_JVM_OPTS", String.join(" ", bench.options.serverJvmOpts()));
        all.put("WILDFLY_MANAGEMENT_PORT", Integer.toString(bench.ports.free()));
        all.put("WILDFLY_HTTPS_PORT", Integer.toString(bench.ports.free()));
        child = bench.processes.start(bench.serverName, List.of(bench.root.resolve("server-config/start-server").toString(),
                bench.options.server(), Integer.toString(port), war.toString(), bench.file(workDir).toString()),
                all, bench.file(logName), appendLog);
    }

    /** the status of a login on it ("200", "000" for none) */
    String loginStatus() {
        return Http.loginStatus(base());
    }

    /** a login answered 200 within so many seconds (polled) */
    boolean healthyWithin(int seconds) {
        long until = bench.clock.millis() + seconds * 1000L;
        while (bench.clock.millis() < until) {
            if (!alive()) {
                return false;
            }
            if (loginStatus().equals("200")) {
                return true;
            }
            bench.clock.sleep(200);
        }
        return false;
    }

    /** SIGKILL, and wait for it */
    void kill() {
        child.kill();
        child.await();
    }

    /** its JVM's JIT and GC ticks so far, never falling (ProcFs.Counter): one counter per JVM, a restart's new */
    synchronized ProcFs.JitGc jitGc() {
        if (jitGc == null || jitGcPid != pid()) {
            jitGcPid = pid();
            jitGc = bench.proc.new Counter(jitGcPid);
            jitGc.read();   // from now on
        }
        return jitGc.read();
    }

    /** the CPU ticks of its JVM and of that JVM's JIT threads, for the warm-up */
    WarmUp.Meter meter() {
        return new WarmUp.Meter() {
            @Override
            public long serverTicks() {
                return bench.proc.cpuTicks(pid());
            }

            @Override
            public long jitTicks() {
                return jitGc().jit();
            }
        };
    }
}
