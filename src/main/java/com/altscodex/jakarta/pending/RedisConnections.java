package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.config.RedisTls;
import com.altscodex.jakarta.config.SettingsReader;
import com.altscodex.jakarta.error.StoreUnavailableException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A store's way to Redis: one command connection and one subscribed to the store's channel, opened
 * once (and again on the next use after a failed first connect). Commands fail fast while Redis is
 * away, never queued, and the client reconnects by itself, at most a second apart; the store hears
 * of the outage once, as a WARNING in its own log, and of the recovery as INFO. Behind Sentinel each
 * reconnect asks the sentinels where the primary is, so a failover is an outage of a few seconds.
 *
 * <p>Lettuce's event loop is never blocked nor used for the store's work: every reply and every
 * message moves to the work executor first.
 */
public final class RedisConnections {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Lettuce's default backs off to 30 s between tries: after a failover, logins would fail for up
     * to half a minute after the new primary is there.
     */
    private static final Delay RECONNECT_DELAY =
            Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS);

    private final RedisLocation location;
    private final Executor work;
    private final Logger log;
    private final String failing;
    private final String channel;
    private final Consumer<String> onMessage;
    private final Runnable onSubscribed;
    private final ClientResources resources;
    /** A {@link RedisClient}, or a {@link RedisClusterClient} for a cluster. */
    private final AbstractRedisClient client;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile CompletableFuture<Connections> connections;

    private record Connections(StatefulConnection<String, String> commandConnection,
            RedisClusterAsyncCommands<String, String> commands, StatefulRedisPubSubConnection<String, String> messages) {
    }

    /**
     * Starts connecting at once.
     *
     * @param log the store's own logger, where the outage is told
     * @param failing what fails while Redis is away, as the warning says it ("logins")
     * @param channel the channel subscribed to, or null for none; its messages go to {@code onMessage}
     *                on the work executor
     */
    public RedisConnections(RedisLocation location, Executor work, Logger log, String failing, String channel,
            Consumer<String> onMessage) {
        this(location, work, log, failing, channel, onMessage, () -> { });
    }

    /**
     * As above, and {@code onSubscribed} runs on the work executor each time the subscription holds:
     * first, and again after every reconnect, when the messages sent meanwhile are lost.
     */
    public RedisConnections(RedisLocation location, Executor work, Logger log, String failing, String channel,
            Consumer<String> onMessage, Runnable onSubscribed) {
        this.onSubscribed = onSubscribed;
        this.location = location;
        this.work = work;
        this.log = log;
        this.failing = failing;
        this.channel = channel;
        this.onMessage = onMessage;
        this.resources = ClientResources.builder().reconnectDelay(RECONNECT_DELAY).build();
        if (location.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, location.connectSeeds(this::secured));
            // a failover moves slots: learn of it from the MOVED replies and the lost connections, and
            // every few seconds in any case
            cluster.setOptions(failFast(ClusterClientOptions.builder())
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .enablePeriodicRefresh(Duration.ofSeconds(5))
                            .build())
                    .build());
            this.client = cluster;
        } else {
            RedisClient single = RedisClient.create(resources, redisUri());
            single.setOptions(failFast(ClientOptions.builder()).build());
            this.client = single;
        }
        connections();
    }

    /** Runs a command; its reply, or StoreUnavailableException, arrives on the work executor. */
    public <T> CompletionStage<T> command(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        return connections()
                .thenCompose(c -> command.apply(c.commands()))
                .handleAsync((reply, failure) -> {
                    if (failure != null) {
                        down(failure);
                        throw new StoreUnavailableException();
                    }
                    upAgain();
                    return reply;
                }, work);
    }

    /**
     * Runs a command and gives its reply or Redis's own failure as it is, on the work executor, with
     * no outage noted: for a check whose refusals are its answer.
     */
    CompletionStage<Object> raw(Function<RedisClusterAsyncCommands<String, String>, ? extends CompletionStage<?>> command) {
        return connections().<Object>thenCompose(c -> command.apply(c.commands()).thenApply(reply -> reply))
                .whenCompleteAsync((reply, failure) -> { }, work);
    }

    /**
     * Whether commands can reach Redis now, as far as this replica knows. After an outage the
     * connection may be open again before any command has said so: then a ping finds out, so that
     * a replica a load balancer no longer sends logins to is not kept out for ever.
     */
    public boolean available() {
        CompletableFuture<Connections> current = connections();
        boolean open = current.isDone() && !current.isCompletedExceptionally() && current.join().commandConnection().isOpen();
        if (open && !up.get() && probing.compareAndSet(false, true)) {
            command(c -> c.ping()).whenComplete((pong, failure) -> probing.set(false));
        }
        return up.get() && open;
    }

    /**
     * Shuts the client down; with {@code flush}, first waits (a second at most) until Redis has
     * answered the commands sent so far, by a ping sent after them.
     */
    public void close(boolean flush) {
        CompletableFuture<Connections> current = connections;
        try {
            if (flush && current != null && current.isDone() && !current.isCompletedExceptionally()) {
                current.join().commands().ping().get(1, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.log(Level.FINE, "Redis did not answer the closing ping", e);
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** The URI, with the host check TLS asks for on it and on each sentinel. */
    private RedisURI redisUri() {
        return secured(location.connect(text -> text));
    }

    private RedisURI secured(String text) {
        RedisURI uri = RedisURI.create(text);
        if (location.secure()) {
            SslVerifyMode mode = location.tls().verifyHostname() ? SslVerifyMode.FULL : SslVerifyMode.CA;
            uri.setVerifyPeer(mode);
            uri.getSentinels().forEach(sentinel -> sentinel.setVerifyPeer(mode));
        }
        return uri;
    }

    private static SslOptions sslOptions(RedisTls tls) {
        SslOptions.Builder options = SslOptions.builder().jdkSslProvider();
        if (tls.trust() != null) {
            options.trustManager(tls.trust());
        }
        if (tls.keys() != null) {
            options.keyManager(tls.keys());
        }
        return options.build();
    }

    /**
     * The options both kinds of client share: fail fast while Redis is away (never queue commands),
     * reconnect by itself, and TLS as configured.
     */
    private <B extends ClientOptions.Builder> B failFast(B builder) {
        builder.sslOptions(sslOptions(location.tls()))
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT));
        return builder;
    }

    /** The commands of either kind of connection: both share the cluster's command interface. */
    private static RedisClusterAsyncCommands<String, String> asyncOf(StatefulConnection<String, String> connection) {
        if (connection instanceof io.lettuce.core.cluster.api.StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.async();
        }
        return ((io.lettuce.core.api.StatefulRedisConnection<String, String>) connection).async();
    }

    /** The connections, opened once; after a failed first connect the next use tries again. */
    private CompletableFuture<Connections> connections() {
        CompletableFuture<Connections> current = connections;
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        synchronized (this) {
            if (connections == current) {
                connections = open();
            }
            return connections;
        }
    }

    private CompletableFuture<Connections> open() {
        CompletableFuture<? extends StatefulConnection<String, String>> commands;
        CompletableFuture<? extends StatefulRedisPubSubConnection<String, String>> messages;
        if (client instanceof RedisClusterClient cluster) {
            // the asynchronous connects need the cluster's slots learnt first (else: "Partitions not initialized")
            CompletableFuture<Void> slots = cluster.refreshPartitionsAsync().toCompletableFuture();
            commands = slots.thenCompose(learnt -> cluster.connectAsync(StringCodec.UTF8));
            messages = channel == null ? CompletableFuture.completedFuture(null)
                    : slots.thenCompose(learnt -> cluster.connectPubSubAsync(StringCodec.UTF8));
        } else {
            RedisClient single = (RedisClient) client;
            commands = single.connectAsync(StringCodec.UTF8, redisUri()).toCompletableFuture();
            messages = channel == null ? CompletableFuture.completedFuture(null)
                    : single.connectPubSubAsync(StringCodec.UTF8, redisUri()).toCompletableFuture();
        }
        return commands.thenCombine(messages, (c, m) -> new Connections(c, asyncOf(c), m)).thenCompose(c -> {
            if (c.messages() == null) {
                return CompletableFuture.completedFuture(c);
            }
            c.messages().addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    work.execute(() -> onMessage.accept(message));
                }

                @Override
                public void subscribed(String to, long count) {
                    work.execute(onSubscribed);
                }
            });
            return c.messages().async().subscribe(channel).thenApply(ok -> c).toCompletableFuture();
        }).toCompletableFuture().whenComplete((c, failure) -> {
            if (failure != null) {
                down(failure);
                // one of the two may have opened: do not leak it
                commands.thenAccept(StatefulConnection::closeAsync);
                messages.thenAccept(m -> {
                    if (m != null) {
                        m.closeAsync();
                    }
                });
            }
        });
    }

    private void down(Throwable failure) {
        if (up.compareAndSet(true, false)) {
            Throwable tls = tlsFailure(failure);
            if (tls != null) {
                log.warning(() -> "Redis at " + location + " refused the TLS handshake (" + tls.getClass().getSimpleName()
                        + ": " + tls.getMessage() + "), trusting " + location.tls() + ": set "
                        + SettingsReader.REDIS_CA_FILE + " or " + SettingsReader.REDIS_TRUST_STORE
                        + " to the CA that signed Redis's certificate, and " + SettingsReader.REDIS_KEY_STORE
                        + " where Redis asks for a client certificate; " + failing
                        + " fail with STORE_UNAVAILABLE until it is fixed");
            } else {
                Throwable root = StageFailure.of(failure);
                log.warning(() -> "Redis at " + location + " is unreachable (" + root.getClass().getSimpleName()
                        + "): " + failing + " fail with STORE_UNAVAILABLE until it is back; reconnecting by itself");
            }
        }
    }

    /** The TLS failure in the causes, if the outage is one: a certificate or a handshake refused. */
    private static Throwable tlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLException || cause instanceof java.security.cert.CertificateException) {
                return cause;
            }
        }
        return null;
    }

    private void upAgain() {
        if (up.compareAndSet(false, true)) {
            log.info(() -> "Redis at " + location + " is reachable again");
        }
    }
}
