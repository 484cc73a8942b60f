package driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The same chain at 64 connections with altscodex.pending-store=redis, on a second server (the
 * first one has drained and gone): every login then records, claims and releases its state in
 * Redis. The redis-server is the one the tests use, from the embedded-redis jar.
 */
final class RedisStore {
    /** the row of the pending-store table, as the report prints it */
    record Row(String rps, String p50, String p99, String errors, String serverCpu, String redisCpu) {
    }

    static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

    private RedisStore() {
    }

    static Row measure(Bench bench, Path war, Map<String, String> serverEnv, Path embeddedRedisJar) {
        Path redisServer = unpack(embeddedRedisJar, bench.file(BINARY));
        List<Integer> ports = bench.ports.free(2);
        int redisPort = ports.get(0);
        Child redis = bench.processes.start("redis-server", List.of(redisServer.toString(), "--port",
                Integer.toString(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of(),
                bench.file("redis.log"), false);
        Map<String, String> env = new LinkedHashMap<>(serverEnv);
        String base = "http://127.0.0.1:" + ports.get(1);
        env.put("ALTSCODEX_REDIRECT_URI", base + "/api/getinfo");
        env.remove("ALTSCODEX_AUTHORIZE_TIMEOUT");
        env.put("ALTSCODEX_PENDING_STORE", "redis");
        env.put("ALTSCODEX_REDIS_URI", "redis://127.0.0.1:" + redisPort + "/0");
        Server server = new Server(bench, ports.get(1), war, "server-redis", "server-redis.log", false, env);
        bench.log.info("the Redis store: a second server on " + base + " with Redis on port " + redisPort);
        server.launch();
        long started = bench.clock.millis();
        while (!server.loginStatus().equals("200")) {
            if (bench.clock.millis() - started >= Startup.LIMIT_MS) {
                throw new BenchFailure("no login on the Redis server within 180 s: see " + bench.file("server-redis.log"));
            }
            if (!server.alive()) {
                throw new BenchFailure("the Redis server's " + bench.serverName + " exited: see "
                        + bench.file("server-redis.log"));
            }
            bench.clock.sleep(100);
        }
        String url = base + "/api/login";
        // warmed until its JIT settles, given as long as the first server had (its first minutes and
        // its warm-up): stopped earlier, at 120 s with Payara's JIT still at 16%, the row measured
        // compilation as much as the store (0.40x the memory row)
        WarmUp.Outcome warmed = WarmUp.untilJitSettles(bench.plan.firstWarmup(), bench.plan.settledWithin(), server.meter(),
                bench.wrk.load(url, Plan.TARGET_CONNECTIONS, bench.file("wrk-redis-warmup.txt")));
        bench.log.info("Redis store's server warmed up for " + warmed.seconds() + " s; the JIT took " + warmed.jitShare()
                + "% of its CPU in the last round");
        bench.wrk.run(url, Plan.TARGET_CONNECTIONS, bench.plan.warmup(), bench.file("wrk-redis-warmup.txt"));
        long serverBefore = bench.proc.cpuTicks(server.pid());
        long redisBefore = bench.proc.cpuTicks(redis.pid());
        bench.log.info("measuring: " + bench.plan.duration() + " s at 64 connections with the Redis store");
        Wrk.Run run = bench.wrk.run(url, Plan.TARGET_CONNECTIONS, bench.plan.duration(), bench.file("wrk-redis-64.txt"));
        long serverTicks = bench.proc.cpuTicks(server.pid()) - serverBefore;
        long redisTicks = bench.proc.cpuTicks(redis.pid()) - redisBefore;
        WrkResult wrk = run.require();
        if (wrk.ok() <= 0) {
            throw new BenchFailure("no successful login with the Redis store: see " + run.output() + " and "
                    + bench.file("server-redis.log"));
        }
        Row row = new Row(wrk.rps(), Num.ms(wrk.p50Us()), Num.ms(wrk.p99Us()), wrk.errors(),
                CpuUse.msPerLogin(serverTicks, wrk.ok(), bench.clkTck), CpuUse.msPerLogin(redisTicks, wrk.ok(), bench.clkTck));
        bench.log.info("Redis store at 64 connections: " + row.rps() + " logins/s, p99 " + row.p99() + " ms, errors "
                + row.errors());
        server.child().stop();
        redis.stop();
        return row;
    }

    /** the redis-server binary out of the embedded-redis jar, executable */
    static Path unpack(Path jar, Path to) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(BINARY);
            if (entry == null) {
                throw new IOException("no " + BINARY + " in it");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!to.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + to + " executable");
            }
            return to;
        } catch (IOException e) {
            throw new BenchFailure("could not unpack redis-server from " + jar + ": " + e.getMessage());
        }
    }
}
