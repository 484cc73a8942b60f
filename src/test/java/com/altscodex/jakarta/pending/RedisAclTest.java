package com.altscodex.jakarta.pending;

import static com.altscodex.jakarta.TestChain.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.wire.SlotInfo;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ACL users, as production gives the module: one with just what it needs logs in; one without
 * EVALSHA is told so once, at start, by name.
 */
class RedisAclTest {
    /** The grant docs/redis.md gives, read from it: the test checks what users are told to run. */
    private static final String NEEDED = GuideAclGrant.RULES;
    private static final String PASSWORD = "acl-pass-5e0b9d";
    private static final SlotInfo SLOT = new SlotInfo("slot-1", "access", "0x1", "nick", 1, "code");

    private LocalRedis redis;
    private RedisClient admin;
    private StatefulRedisConnection<String, String> commands;
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger checkLog = Logger.getLogger(RedisAccessCheck.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        redis = LocalRedis.onFreePort();
        admin = RedisClient.create(redis.uri());
        commands = admin.connect();
        checkLog.addHandler(capture);
    }

    @AfterEach
    void stop() throws Exception {
        checkLog.removeHandler(capture);
        commands.close();
        admin.shutdown();
        timers.shutdownNow();
        work.shutdownNow();
        redis.close();
    }

    private RedisPendingLogins storeAs(String user, String rules) {
        commands.sync().dispatch(io.lettuce.core.protocol.CommandType.ACL, new io.lettuce.core.output.StatusOutput<>(
                io.lettuce.core.codec.StringCodec.UTF8), new io.lettuce.core.protocol.CommandArgs<>(
                io.lettuce.core.codec.StringCodec.UTF8).add("SETUSER").add(user).add("on").add(">" + PASSWORD)
                .addValues(List.of(rules.split(" "))));
        return new RedisPendingLogins(RedisLocation.parse("redis://" + user + ":" + PASSWORD + "@127.0.0.1:" + redis.port() + "/0"),
                work, timers);
    }

    @Test
    void aUserWithJustTheNeededCommandsLogsInAndIsNotWarned() throws Exception {
        RedisPendingLogins owner = storeAs("altscodex-app", NEEDED);
        RedisPendingLogins claimer = storeAs("altscodex-app", NEEDED);
        try {
            Registration login = owner.register("s-acl", Duration.ofSeconds(30));
            await(login.recorded());
            assertEquals(CallbackMatch.MATCHED, await(claimer.claim("s-acl")));
            assertTrue(claimer.complete("s-acl", SLOT));
            assertEquals(SLOT, login.result().toCompletableFuture().get(10, TimeUnit.SECONDS));
            Thread.sleep(300); // the check runs beside the login: let it end
            assertTrue(warnings.isEmpty(), warnings.toString());
            assertEquals(0, commands.sync().keys("altscodex:probe:*").size(), "the probes leave no key");
        } finally {
            owner.close();
            claimer.close();
        }
    }

    @Test
    void aUserWithoutEvalshaIsToldOnceByName() throws Exception {
        RedisPendingLogins store = storeAs("no-evalsha", NEEDED.replace(" +evalsha", ""));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (warnings.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, warnings.size(), warnings.toString());
            String warning = warnings.get(0);
            assertTrue(warning.startsWith("WARNING ") && warning.contains("may not run EVALSHA,")
                    && warning.contains("+evalsha"), warning);
            assertFalse(warning.contains(PASSWORD), "no password in the warning");
        } finally {
            store.close();
        }
    }
}
