package com.altscodex.jakarta.guard;

import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.pending.RedisConnections;
import com.altscodex.jakarta.pending.RedisScript;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * The budgets in Redis, so an attacker gains nothing by spreading guesses over replicas: one hash
 * per client ({@code altscodex:limit:<client>}, its tokens and when they were counted) that
 * expires once it would be full again, so Redis holds only clients that failed lately. Each take is
 * one script, timed by Redis' own clock, so replicas whose clocks differ count alike.
 */
final class RedisFailureBudgets implements FailureBudgets {
    private static final Logger LOG = Logger.getLogger(RedisFailureBudgets.class.getName());
    private static final String KEY = "altscodex:limit:";

    /** ARGV: burst, failures per minute, the mode (LOOK, FAIL, TRY_FAIL). Answers {wait ms, emptied}. */
    private static final RedisScript TAKE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local burst = tonumber(ARGV[1])
            local rate = tonumber(ARGV[2]) / 60000
            local mode = ARGV[3]
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = burst
            if b[1] then tokens = math.min(burst, tonumber(b[1]) + math.max(0, now - tonumber(b[2])) * rate) end
            if mode ~= 'FAIL' and tokens < 1 then return {math.ceil((1 - tokens) / rate), 0} end
            if mode == 'LOOK' then return {0, 0} end
            local had = tokens >= 1
            tokens = math.max(-60 * tonumber(ARGV[2]), tokens - 1)
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate))
            if had and tokens < 1 then return {0, 1} end
            return {0, 0}""");

    private final RedisConnections redis;
    private final String burst;
    private final String perMinute;

    RedisFailureBudgets(RedisLocation location, LimitSettings limits, Executor work) {
        this.redis = new RedisConnections(location, work, LOG, "guessable requests (user codes, link tokens, API keys)", null, message -> { });
        this.burst = String.valueOf(limits.burst());
        this.perMinute = String.valueOf(limits.failuresPerMinute());
    }

    @Override
    public CompletionStage<Taken> take(String client, Mode mode) {
        return redis.command(c -> TAKE.<List<Object>>run(c, ScriptOutputType.MULTI, new String[] {KEY + client},
                burst, perMinute, mode.name())).thenApply(reply -> {
                    long wait = ((Number) reply.get(0)).longValue();
                    return wait > 0 ? new Taken(wait, false) : new Taken(0, ((Number) reply.get(1)).longValue() == 1);
                });
    }

    @Override
    public int tracked() {
        return -1;
    }

    @Override
    public void close() {
        redis.close(false);
    }
}
