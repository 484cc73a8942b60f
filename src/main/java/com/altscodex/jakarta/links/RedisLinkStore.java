package com.altscodex.jakarta.links;

// TEMPORARY placeholder until the real implementation lands: not to be committed
public final class RedisLinkStore extends Placeholder {
    public RedisLinkStore(com.altscodex.jakarta.pending.RedisLocation location, java.util.concurrent.Executor work,
            java.util.concurrent.ScheduledExecutorService timers, java.time.Clock clock, java.time.Duration retention) {
        super(timers, clock, retention);
    }
}
abstract class Placeholder implements LinkStore {
    private final InMemoryLinkStore inner;
    Placeholder(java.util.concurrent.ScheduledExecutorService timers, java.time.Clock clock, java.time.Duration retention) {
        inner = new InMemoryLinkStore(timers, clock, retention, retention);
    }
    public java.util.concurrent.CompletionStage<Created> create(LinkRecord link, int maxPending) { return inner.create(link, maxPending); }
    public java.util.concurrent.CompletionStage<java.util.Optional<LinkRecord>> get(String id) { return inner.get(id); }
    public java.util.concurrent.CompletionStage<java.util.Optional<String>> idForCode(String c) { return inner.idForCode(c); }
    public java.util.concurrent.CompletionStage<Claim> claim(String id) { return inner.claim(id); }
    public java.util.concurrent.CompletionStage<Void> settle(String id, LinkStatus s, String o) { return inner.settle(id, s, o); }
    public java.util.concurrent.CompletionStage<java.util.Optional<LinkRecord>> awaitSettled(String id, java.time.Duration w) { return inner.awaitSettled(id, w); }
    public int pending() { return inner.pending(); }
    public void close() { inner.close(); }
}
