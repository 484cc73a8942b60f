package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.wire.SlotInfo;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Waiting logins shared by every replica through Redis, so a callback may reach any of them.
 *
 * <p>The replica that starts a login owns it: it waits here, in {@link InMemoryPendingLogins},
 * and records {@code state → owner} in Redis (expiring with the login, plus a margin) before
 * authorize is sent. Whichever replica gets the callback claims the state with one atomic script
 * (exactly one claimer, whatever the duplicates), exchanges the code, and publishes the outcome
 * on the owner's channel. A replica that dies leaves only keys that expire; one that shuts down
 * answers its own logins and releases their keys.
 *
 * <p>A login costs two round trips: the record and the claim, whose script deletes the key. Only
 * a login that settles without a claim (timeout, shutdown, cancel, a failed authorize) sends a
 * third command, the release of its key.
 *
 * <p>An outcome relayed to another owner is also kept for a minute under the state: a message
 * published while the owner's subscription was away (a Redis failover, a reconnect) is lost, so on
 * every (re)subscription the owner reads the kept outcomes of the logins still waiting. Whichever
 * way comes first answers the login; the other finds it answered.
 *
 * <p>Lettuce's event loop is never blocked: every continuation of a Redis reply moves to the
 * work executor first ({@link RedisConnections}).
 */
public final class RedisPendingLogins implements PendingLogins {
    private static final Logger LOG = Logger.getLogger(RedisPendingLogins.class.getName());
    /*
     * A state's keys share the hash tag {state}, so the scripts that touch both stay on one slot of
     * a Redis Cluster.
     */
    private static final String PENDING = "altscodex:pending:";
    private static final String SEEN = "altscodex:seen:";
    private static final String RESULTS = "altscodex:results:";
    private static final String OUTCOME = "altscodex:outcome:";
    private static final long SEEN_MILLIS = 60_000;

    /** GET+DEL the owner, and remember the claim so a duplicate is told from an unknown state. */
    private static final RedisScript CLAIM = RedisScript.of("""
            local owner = redis.call('GET', KEYS[1])
            if owner then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], 'claimed', 'PX', ARGV[1])
              return owner
            end
            local seen = redis.call('GET', KEYS[2])
            if seen then return '#' .. seen end
            return false""");

    /** Drops the key of a login that settled here unclaimed (timeout, shutdown, cancel), if still ours. */
    private static final RedisScript RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], 'settled', 'PX', ARGV[2])
              return 1
            end
            return 0""");

    /** Keeps the outcome for an owner that was not listening, then publishes it; one round trip. */
    private static final RedisScript RELAY = RedisScript.of("""
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return redis.call('PUBLISH', ARGV[1], ARGV[2])""");

    private final String replica = UUID.randomUUID().toString();
    private final InMemoryPendingLogins local;
    private final Duration expiryMargin;
    private final Map<String, String> claimedOwners = new ConcurrentHashMap<>();
    /** Logins of this replica whose key a claim deleted (here or on another replica): no release. */
    private final Set<String> claimedKeys = ConcurrentHashMap.newKeySet();
    private final RedisConnections redis;
    private final boolean cluster;

    public RedisPendingLogins(RedisLocation location, Executor work, ScheduledExecutorService timers) {
        this(location, work, timers, Duration.ofSeconds(30));
    }

    /** @param expiryMargin how long a key outlives its login's timeout, for an owner that died */
    public RedisPendingLogins(RedisLocation location, Executor work, ScheduledExecutorService timers,
            Duration expiryMargin) {
        this.local = new InMemoryPendingLogins(timers);
        this.expiryMargin = expiryMargin;
        this.cluster = location.cluster();
        this.redis = new RedisConnections(location, work, LOG, "logins", RESULTS + replica, this::onRelayed,
                this::readKeptOutcomes);
        RedisAccessCheck.warnIfRefused(redis, location.toString());
    }

    @Override
    public Registration register(String state, Duration timeout) {
        Registration waiting = local.register(state, timeout);
        long expiry = timeout.plus(expiryMargin).toMillis();
        CompletionStage<Void> recorded = command(c -> c.set(pending(state), replica, SetArgs.Builder.nx().px(expiry)))
                .thenApply(reply -> {
                    if (!"OK".equals(reply)) {
                        throw new IllegalStateException("state already recorded");
                    }
                    return (Void) null;
                });
        waiting.result().whenComplete((slot, failure) -> {
            if (!claimedKeys.remove(state)) {
                // the script checks the key is still ours, so a claim racing this changes nothing
                command(c -> RELEASE.run(c, ScriptOutputType.INTEGER,
                        new String[] {pending(state), seen(state)}, replica, String.valueOf(SEEN_MILLIS)));
            }
        });
        return new Registration(waiting.result(), recorded);
    }

    @Override
    public CompletionStage<CallbackMatch> claim(String state) {
        return command(c -> CLAIM.<String>run(c, ScriptOutputType.VALUE,
                new String[] {pending(state), seen(state)}, String.valueOf(SEEN_MILLIS)))
                .thenApply(owner -> {
                    if (owner == null) {
                        return CallbackMatch.UNKNOWN;
                    }
                    if (owner.startsWith("#")) {
                        return owner.equals("#claimed") ? CallbackMatch.DUPLICATE : CallbackMatch.LATE;
                    }
                    claimedOwners.put(state, owner);
                    if (owner.equals(replica)) {
                        claimedKeyOf(state);
                    }
                    return CallbackMatch.MATCHED;
                });
    }

    @Override
    public boolean complete(String state, SlotInfo slot) {
        String owner = claimedOwners.remove(state);
        if (owner == null || owner.equals(replica)) {
            return local.complete(state, slot);
        }
        relay(owner, state, RelayedOutcome.encode(state, slot));
        return true;
    }

    @Override
    public boolean fail(String state, AltsCodexException failure) {
        String owner = claimedOwners.remove(state);
        if (owner == null || owner.equals(replica)) {
            return local.fail(state, failure);
        }
        relay(owner, state, RelayedOutcome.encode(state, failure));
        return true;
    }

    @Override
    public int failAll(AltsCodexException failure) {
        return local.failAll(failure);
    }

    @Override
    public int size() {
        return local.size();
    }

    @Override
    public boolean available() {
        return redis.available();
    }

    @Override
    public void close() {
        // let the releases of the logins answered at shutdown reach Redis
        redis.close(true);
    }

    private void relay(String owner, String state, String message) {
        command(c -> RELAY.<Long>run(c, ScriptOutputType.INTEGER, new String[] {OUTCOME + state},
                RESULTS + owner, message, String.valueOf(SEEN_MILLIS))).thenAccept(receivers -> {
            // a cluster's PUBLISH counts the listeners of one node only: there zero says nothing
            if (receivers == 0 && !cluster) {
                LOG.warning("no replica listens for a login's outcome now (its owner has gone, or is"
                        + " reconnecting and reads it when back)");
            }
        });
    }

    /** After a (re)subscription: the outcomes relayed to logins still waiting here while it was away. */
    private void readKeptOutcomes() {
        List<String> states = local.waitingStates();
        if (states.isEmpty()) {
            return;
        }
        String[] keys = states.stream().map(state -> OUTCOME + state).toArray(String[]::new);
        command(c -> c.mget(keys)).thenAccept(values -> values.forEach(kept -> {
            if (kept.hasValue()) {
                onRelayed(kept.getValue());
            }
        }));
    }

    private void onRelayed(String message) {
        RelayedOutcome outcome;
        try {
            outcome = RelayedOutcome.decode(message);
        } catch (RuntimeException e) {
            LOG.warning("ignored a message on this replica's result channel that is not a login outcome");
            return;
        }
        // the replica that relays an outcome claimed the key, which deleted it
        claimedKeyOf(outcome.state);
        if (outcome.slot != null) {
            local.complete(outcome.state, outcome.slot);
        } else {
            local.fail(outcome.state, outcome.failure);
        }
    }

    /** Marks a claimed login's key as gone, unless the login settled (and released) already. */
    private void claimedKeyOf(String state) {
        claimedKeys.add(state);
        if (!local.isWaiting(state)) {
            claimedKeys.remove(state);
        }
    }

    private static String pending(String state) {
        return PENDING + "{" + state + "}";
    }

    private static String seen(String state) {
        return SEEN + "{" + state + "}";
    }

    /** Runs a command; its reply, or StoreUnavailableException, arrives on the work executor. */
    private <T> CompletionStage<T> command(
            java.util.function.Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return redis.command(command);
    }
}
