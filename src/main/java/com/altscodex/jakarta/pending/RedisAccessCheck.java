package com.altscodex.jakarta.pending;

import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Once at start, whether the Redis user may run every command the stores send, their scripts'
 * included: each is tried once, harmlessly, on a key of its own that is deleted after. A command
 * the user's ACL forbids is named in one WARNING with the grant that fixes it, instead of a
 * STORE_UNAVAILABLE per login later.
 */
final class RedisAccessCheck {
    private static final Logger LOG = Logger.getLogger(RedisAccessCheck.class.getName());
    private static final RedisScript PROBE_SCRIPT = RedisScript.of("return 1");

    private RedisAccessCheck() {
    }

    /** Runs the probes on {@code redis}; completes with the refused commands (empty when all may run). */
    static CompletionStage<List<String>> refusedCommands(RedisConnections redis) {
        String key = "altscodex:probe:" + UUID.randomUUID();
        String hash = key + ":h";
        String sorted = key + ":z";
        Map<String, Function<RedisClusterAsyncCommands<String, String>, CompletionStage<?>>> probes = new LinkedHashMap<>();
        probes.put("SET", c -> c.set(key, "1", SetArgs.Builder.nx().px(10_000)));
        probes.put("GET", c -> c.get(key));
        probes.put("MGET", c -> c.mget(key));
        probes.put("PTTL", c -> c.pttl(key));
        probes.put("PEXPIRE", c -> c.pexpire(key, 10_000));
        probes.put("HSET", c -> c.hset(hash, "f", "1"));
        probes.put("HMGET", c -> c.hmget(hash, "f"));
        probes.put("ZADD", c -> c.zadd(sorted, 0, "m"));
        probes.put("ZCOUNT", c -> c.zcount(sorted, Range.unbounded()));
        probes.put("ZCARD", c -> c.zcard(sorted));
        probes.put("ZRANGEBYSCORE", c -> c.zrangebyscore(sorted, Range.unbounded()));
        probes.put("ZREMRANGEBYSCORE", c -> c.zremrangebyscore(sorted, Range.create(1, 2)));
        probes.put("ZREM", c -> c.zrem(sorted, "m"));
        probes.put("PUBLISH", c -> c.publish("altscodex:probe", "1"));
        probes.put("TIME", c -> c.time());
        probes.put("EVAL", c -> c.eval("return 1", ScriptOutputType.INTEGER));
        // a SHA Redis may not know: NOSCRIPT says EVALSHA may run, NOPERM that it may not
        probes.put("EVALSHA", c -> c.evalsha(PROBE_SCRIPT.sha(), ScriptOutputType.INTEGER));
        probes.put("DEL", c -> c.del(key, hash, sorted));
        List<String> refused = new ArrayList<>();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Map.Entry<String, Function<RedisClusterAsyncCommands<String, String>, CompletionStage<?>>> probe : probes.entrySet()) {
            chain = chain.thenCompose(ignored -> redis.raw(probe.getValue()).handle((reply, failure) -> {
                if (failure != null && String.valueOf(rootOf(failure).getMessage()).startsWith("NOPERM")) {
                    refused.add(probe.getKey() + (rootOf(failure).getMessage().toLowerCase(Locale.ROOT).contains("key")
                            ? " (on the keys altscodex:*)" : rootOf(failure).getMessage().toLowerCase(Locale.ROOT)
                            .contains("channel") ? " (on the channels altscodex:*)" : ""));
                }
                return null;
            }));
        }
        return chain.thenApply(done -> List.copyOf(refused));
    }

    /** Runs the check in the background and logs its one WARNING, if any. */
    static void warnIfRefused(RedisConnections redis, String where) {
        refusedCommands(redis).whenComplete((refused, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "the Redis access check did not run", failure);
            } else if (!refused.isEmpty()) {
                String grants = refused.stream().map(c -> "+" + c.split(" ")[0].toLowerCase(Locale.ROOT))
                        .distinct().reduce((a, b) -> a + " " + b).orElse("");
                LOG.warning(() -> "the Redis user of " + where + " may not run " + String.join(", ", refused)
                        + ", which the module needs: logins, links or sessions that use them fail with"
                        + " STORE_UNAVAILABLE. Grant them, e.g. ACL SETUSER <user> " + grants
                        + ", on the keys ~altscodex:* and the channels &altscodex:* (docs/redis.md gives the whole grant)");
            }
        });
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
