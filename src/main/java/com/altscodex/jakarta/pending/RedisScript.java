package com.altscodex.jakarta.pending;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so a login sends forty bytes instead of the
 * script; the script itself ({@code EVAL}) only when this Redis has not seen it yet (a new
 * server, a failover, a {@code SCRIPT FLUSH}), which also loads it for the next time.
 */
public final class RedisScript {
    private final String source;
    private final String sha;

    private RedisScript(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    public static RedisScript of(String source) {
        return new RedisScript(source);
    }

    /** The script's SHA-1, as Redis names it. */
    public String sha() {
        return sha;
    }

    public <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> commands, ScriptOutputType type,
            String[] keys, String... arguments) {
        return commands.<T>evalsha(sha, type, keys, arguments).toCompletableFuture()
                .exceptionallyCompose(failure -> StageFailure.of(failure) instanceof RedisNoScriptException
                        ? commands.<T>eval(source, type, keys, arguments)
                        : CompletableFuture.failedFuture(failure));
    }
}
