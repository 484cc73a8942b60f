package driver;

/** Start-up: the launch of the server's JVM to its first successful login, and what it then has. */
final class Startup {
    record Result(long ms, int threads, String rssMib) {
    }

    static final long LIMIT_MS = 180_000;

    private Startup() {
    }

    static Result measure(Bench bench, Server server) {
        bench.log.info("starting " + bench.serverName + " with the WAR on " + server.base() + " ("
                + String.join(" ", bench.options.serverJvmOpts()) + ")");
        long launched = bench.clock.millis();
        server.launch();
        Long startupMs = null;
        while (bench.clock.millis() - launched < LIMIT_MS) {
            if (server.loginStatus().equals("200")) {
                startupMs = bench.clock.millis() - launched;
                break;
            }
            if (!server.alive()) {
                throw new BenchFailure(bench.serverName + " exited: see " + bench.file(server.logName()));
            }
            bench.clock.sleep(50);
        }
        if (startupMs == null) {
            throw new BenchFailure("no successful login within 180 s of launch: see " + bench.file(server.logName()));
        }
        Result result = new Result(startupMs, bench.proc.threads(server.pid()), bench.proc.rssMib(server.pid()));
        bench.log.info("first successful login " + result.ms() + " ms after launch; " + result.threads() + " threads, RSS "
                + result.rssMib() + " MiB");
        return result;
    }
}
