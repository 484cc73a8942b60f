package com.altscodex.jakarta.links;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.pending.RedisConnections;
import com.altscodex.jakarta.pending.RedisScript;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Login links shared by every replica through Redis: the replica that issued a link, the one the
 * user's browser reaches and the one the caller polls may all differ.
 *
 * <p>A link is one JSON string {@code altscodex:link:<id>}, gone by its own expiry {@code retention}
 * after the link's; its user code is {@code altscodex:linkcode:<CODE> → id}, gone with the link; the
 * links that wait are the sorted set {@code altscodex:links:open} (id by expiry), which bounds them
 * across replicas. Each change is one script, so two replicas never both claim a link nor both
 * settle it. A settle is published on {@code altscodex:links:settled}: every replica wakes its own
 * waiters, each a future and one timer task, never a thread.
 */
public final class RedisLinkStore implements LinkStore {
    private static final Logger LOG = Logger.getLogger(RedisLinkStore.class.getName());
    // every link key carries the hash tag {links}: the scripts touch several at once, which a Redis
    // Cluster allows only within one slot
    private static final String LINK = "altscodex:{links}:link:";
    private static final String CODE = "altscodex:{links}:code:";
    private static final String OPEN = "altscodex:{links}:open";
    private static final String SETTLED = "altscodex:links:settled";
    private static final long REFRESH_COUNT_MILLIS = 1_000;

    /** Forgets the open links past their time, then keeps the new one unless full or its code is taken. */
    private static final RedisScript CREATE = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local open = redis.call('ZCARD', KEYS[1])
            if open >= tonumber(ARGV[2]) then return {'FULL', open} end
            if not redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[6], 'NX') then return {'CODE_TAKEN', open} end
            redis.call('SET', KEYS[3], ARGV[4], 'PX', ARGV[5])
            redis.call('ZADD', KEYS[1], ARGV[7], ARGV[3])
            return {'CREATED', open + 1}""");

    /** Rewrites a link, keeping its own expiry (recomputed should it have none). */
    private static final String REWRITE = """
            local function rewrite(key, link, now, retention)
              local px = redis.call('PTTL', key)
              if px <= 0 then px = math.max(1, link.expiresAt + retention - now) end
              redis.call('SET', key, cjson.encode(link), 'PX', px)
            end
            local function dropCode(prefix, link)
              local code = prefix .. link.userCode
              if redis.call('GET', code) == link.id then redis.call('DEL', code) end
            end
            """;

    /** '+' and the record as it was when this call opened it; '=' and the record when it did not. */
    private static final RedisScript CLAIM = RedisScript.of(REWRITE + """
            local json = redis.call('GET', KEYS[1])
            if not json then return false end
            local link = cjson.decode(json)
            local now = tonumber(ARGV[1])
            if link.status == 'PENDING' and now < link.expiresAt then
              link.status = 'OPENED'
              rewrite(KEYS[1], link, now, tonumber(ARGV[3]))
              dropCode(ARGV[2], link)
              return '+' .. json
            end
            return '=' .. json""");

    /**
     * Settles a link that has not settled (nor expired unopened), and tells every replica; answers
     * {whether it settled, how many links wait now}.
     */
    private static final RedisScript SETTLE = RedisScript.of(REWRITE + """
            local now = tonumber(ARGV[1])
            local open = function() return redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[1], '+inf') end
            local json = redis.call('GET', KEYS[1])
            if not json then return {0, open()} end
            local link = cjson.decode(json)
            local s = link.status
            if s == 'SUCCEEDED' or s == 'FAILED' or s == 'EXPIRED' or (s == 'PENDING' and now >= link.expiresAt) then
              return {0, open()}
            end
            link.status = ARGV[2]
            if ARGV[3] == '1' then link.outcome = ARGV[4] else link.outcome = nil end
            rewrite(KEYS[1], link, now, tonumber(ARGV[7]))
            redis.call('ZREM', KEYS[2], link.id)
            dropCode(ARGV[5], link)
            redis.call('PUBLISH', ARGV[6], link.id)
            return {1, open()}""");

    private final RedisConnections redis;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, List<CompletableFuture<Optional<LinkRecord>>>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong countedAt = new AtomicLong(Long.MIN_VALUE);
    private volatile boolean closed;

    /** @param retention how long a record outlives its link, for a late poll */
    public RedisLinkStore(RedisLocation location, Executor work, ScheduledExecutorService timers, Clock clock,
            Duration retention) {
        this.timers = timers;
        this.clock = clock;
        this.retention = retention;
        this.redis = new RedisConnections(location, work, LOG, "login links", SETTLED, this::onSettled);
    }

    @Override
    public CompletionStage<Created> create(LinkRecord link, int maxPending) {
        long now = clock.millis();
        long expiresAt = link.expiresAt().toEpochMilli();
        String recordPx = String.valueOf(Math.max(1, expiresAt - now + retention.toMillis()));
        String codePx = String.valueOf(Math.max(1, expiresAt - now));
        return redis.command(c -> CREATE.<List<Object>>run(c, ScriptOutputType.MULTI,
                new String[] {OPEN, CODE + link.userCode(), LINK + link.id()}, String.valueOf(now),
                String.valueOf(maxPending), link.id(), LinkJson.encode(link), recordPx, codePx,
                String.valueOf(expiresAt)))
                .thenApply(reply -> {
                    counted(reply.get(1));
                    return Created.valueOf((String) reply.get(0));
                });
    }

    @Override
    public CompletionStage<Optional<LinkRecord>> get(String id) {
        return redis.command(c -> c.get(LINK + id))
                .thenApply(json -> Optional.ofNullable(json).map(text -> asOfNow(LinkJson.decode(text))));
    }

    @Override
    public CompletionStage<Optional<String>> idForCode(String userCode) {
        return redis.command(c -> c.get(CODE + userCode)).thenCompose(id -> id == null
                ? CompletableFuture.completedStage(Optional.<String>empty())
                : get(id).thenApply(link -> link.filter(found -> found.status() == LinkStatus.PENDING)
                        .map(found -> id)));
    }

    @Override
    public CompletionStage<Claim> claim(String id) {
        return redis.command(c -> CLAIM.<String>run(c, ScriptOutputType.VALUE, new String[] {LINK + id},
                String.valueOf(clock.millis()), CODE, String.valueOf(retention.toMillis())))
                .thenApply(reply -> {
                    if (reply == null) {
                        return new Claim(false, null);
                    }
                    LinkRecord before = LinkJson.decode(reply.substring(1));
                    return reply.startsWith("+") ? new Claim(true, before.with(LinkStatus.OPENED, null))
                            : new Claim(false, asOfNow(before));
                });
    }

    @Override
    public CompletionStage<Void> settle(String id, LinkStatus status, String outcome) {
        return redis.command(c -> SETTLE.<List<Object>>run(c, ScriptOutputType.MULTI,
                new String[] {LINK + id, OPEN}, String.valueOf(clock.millis()), status.name(),
                outcome == null ? "0" : "1", outcome == null ? "" : outcome, CODE, SETTLED,
                String.valueOf(retention.toMillis())))
                .thenApply(reply -> {
                    counted(reply.get(1));
                    return (Void) null;
                });
    }

    @Override
    public CompletionStage<Optional<LinkRecord>> awaitSettled(String id, Duration wait) {
        return get(id).thenCompose(now -> {
            if (closed || now.isEmpty() || now.get().status().settled() || wait.isZero() || wait.isNegative()) {
                return CompletableFuture.completedStage(now);
            }
            CompletableFuture<Optional<LinkRecord>> answer = new CompletableFuture<>();
            waiters.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(answer);
            // rounded up: a timer a fraction of a millisecond early would still read the link pending
            long untilExpiry = ceilMillis(Duration.between(clock.instant(), now.get().expiresAt()));
            long waitMillis = now.get().status() == LinkStatus.PENDING
                    ? Math.min(wait.toMillis(), Math.max(0, untilExpiry)) : wait.toMillis();
            // the wait ended, or the link's own time did: answer what stands
            Future<?> timeout = timers.schedule(() -> answerFrom(get(id), answer), waitMillis, TimeUnit.MILLISECONDS);
            answer.whenComplete((link, failure) -> {
                timeout.cancel(false);
                forget(id, answer);
            });
            if (closed) {
                answer.complete(Optional.empty());
            }
            // it may have settled between the look and the registration, its message gone before
            // this waiter was there to hear it; should Redis fail this look, the timer still answers
            get(id).thenAccept(link -> {
                if (link.map(found -> found.status().settled()).orElse(true)) {
                    answer.complete(link);
                }
            });
            return answer;
        });
    }

    /**
     * The links that wait across replicas, as last counted: informative only, so it never waits
     * for Redis; it asks for a fresh count at most once a second.
     */
    @Override
    public int pending() {
        long now = clock.millis();
        long last = countedAt.get();
        if (now - last >= REFRESH_COUNT_MILLIS && countedAt.compareAndSet(last, now)) {
            redis.command(c -> c.zcount(OPEN, Range.from(Range.Boundary.excluding(now), Range.Boundary.unbounded())))
                    .thenAccept(this::counted);
        }
        return open.get();
    }

    @Override
    public void close() {
        closed = true;
        waiters.values().forEach(list -> list.forEach(answer -> answer.complete(Optional.empty())));
        waiters.clear();
        redis.close(true);
    }

    /** A settle on some replica: one look answers all of this replica's waiters for that link. */
    private void onSettled(String id) {
        List<CompletableFuture<Optional<LinkRecord>>> waiting = waiters.get(id);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        // a waiter that registers after this copy looks for itself once registered
        List<CompletableFuture<Optional<LinkRecord>>> these = List.copyOf(waiting);
        get(id).thenAccept(link -> these.forEach(answer -> answer.complete(link)));
    }

    private static void answerFrom(CompletionStage<Optional<LinkRecord>> look,
            CompletableFuture<Optional<LinkRecord>> answer) {
        look.whenComplete((link, failure) -> {
            if (failure == null) {
                answer.complete(link);
            } else {
                answer.completeExceptionally(failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure);
            }
        });
    }

    private void forget(String id, CompletableFuture<Optional<LinkRecord>> answer) {
        waiters.computeIfPresent(id, (key, list) -> {
            list.remove(answer);
            return list.isEmpty() ? null : list;
        });
    }

    private void counted(Object count) {
        if (count instanceof Long value) {
            open.set(value.intValue());
        }
    }

    /** An unopened link past its time reads as expired, as {@link LinkRecord#statusAt} says. */
    private LinkRecord asOfNow(LinkRecord link) {
        LinkStatus status = link.statusAt(clock.instant());
        return status == link.status() ? link : link.with(status, link.outcome());
    }

    private static long ceilMillis(Duration duration) {
        return Math.floorDiv(duration.toNanos() + 999_999, 1_000_000);
    }
}
