package com.altscodex.jakarta.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The login links of one process. One sweep on the shared scheduler expires unopened links and
 * forgets settled ones after {@code retention}; a waiting poll is a future and one timer task.
 */
public final class InMemoryLinkStore implements LinkStore {
    private static final Duration LONGEST_SWEEP = Duration.ofSeconds(30);

    private final Map<String, LinkRecord> links = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Optional<LinkRecord>>>> waiters = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Duration retention;
    private final Future<?> sweeper;

    /**
     * @param ttl the links' lifetime, which sets how often the sweep runs
     * @param retention how long a record outlives its link
     */
    public InMemoryLinkStore(ScheduledExecutorService timers, Clock clock, Duration ttl, Duration retention) {
        this.timers = timers;
        this.clock = clock;
        this.retention = retention;
        long every = Math.max(100, Math.min(ttl.toMillis() / 4, LONGEST_SWEEP.toMillis()));
        this.sweeper = timers.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized CompletionStage<Created> create(LinkRecord link, int maxPending) {
        if (pending() >= maxPending) {
            sweep();
            if (pending() >= maxPending) {
                return CompletableFuture.completedStage(Created.FULL);
            }
        }
        if (codes.putIfAbsent(link.userCode(), link.id()) != null) {
            return CompletableFuture.completedStage(Created.CODE_TAKEN);
        }
        links.put(link.id(), link);
        return CompletableFuture.completedStage(Created.CREATED);
    }

    @Override
    public CompletionStage<Optional<LinkRecord>> get(String id) {
        return CompletableFuture.completedStage(current(id));
    }

    @Override
    public CompletionStage<Optional<String>> idForCode(String userCode) {
        String id = codes.get(userCode);
        return CompletableFuture.completedStage(Optional.ofNullable(id)
                .filter(found -> current(found).map(link -> link.status() == LinkStatus.PENDING).orElse(false)));
    }

    @Override
    public CompletionStage<Claim> claim(String id) {
        Instant now = clock.instant();
        LinkRecord[] before = new LinkRecord[1];
        boolean[] claimed = new boolean[1];
        links.computeIfPresent(id, (key, link) -> {
            before[0] = link;
            if (link.statusAt(now) == LinkStatus.PENDING) {
                claimed[0] = true;
                return link.with(LinkStatus.OPENED, null);
            }
            return link;
        });
        if (claimed[0]) {
            codes.remove(before[0].userCode(), id);
        }
        return CompletableFuture.completedStage(new Claim(claimed[0], before[0] == null ? null
                : claimed[0] ? before[0].with(LinkStatus.OPENED, null) : withStatusNow(before[0], now)));
    }

    @Override
    public CompletionStage<Void> settle(String id, LinkStatus status, String outcome) {
        LinkRecord settled = links.computeIfPresent(id, (key, link) -> link.status().settled() ? link : link.with(status, outcome));
        if (settled != null) {
            codes.remove(settled.userCode(), id);
            wake(id, settled);
        }
        return CompletableFuture.completedStage(null);
    }

    @Override
    public CompletionStage<Optional<LinkRecord>> awaitSettled(String id, Duration wait) {
        Optional<LinkRecord> now = current(id);
        if (now.isEmpty() || now.get().status().settled() || wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedStage(now);
        }
        CompletableFuture<Optional<LinkRecord>> answer = new CompletableFuture<>();
        waiters.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(answer);
        // rounded up: a timer a fraction of a millisecond early would still read the link pending
        long untilExpiry = ceilMillis(Duration.between(clock.instant(), now.get().expiresAt()));
        long waitMillis = now.get().status() == LinkStatus.PENDING ? Math.min(wait.toMillis(), Math.max(0, untilExpiry)) : wait.toMillis();
        Future<?> timeout = timers.schedule(() -> {
            // the wait ended, or the link's own time did: answer what stands
            if (answer.complete(current(id))) {
                forget(id, answer);
            }
        }, waitMillis, TimeUnit.MILLISECONDS);
        answer.whenComplete((link, failure) -> timeout.cancel(false));
        // it may have settled between the look and the registration
        current(id).filter(link -> link.status().settled()).ifPresent(link -> {
            if (answer.complete(Optional.of(link))) {
                forget(id, answer);
            }
        });
        return answer;
    }

    @Override
    public int pending() {
        int count = 0;
        for (LinkRecord link : links.values()) {
            if (!link.status().settled()) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        sweeper.cancel(false);
        waiters.values().forEach(list -> list.forEach(answer -> answer.complete(Optional.empty())));
        waiters.clear();
    }

    /** The link as of now: an unopened one past its time reads as expired. */
    private Optional<LinkRecord> current(String id) {
        LinkRecord link = links.get(id);
        return link == null ? Optional.empty() : Optional.of(withStatusNow(link, clock.instant()));
    }

    private static LinkRecord withStatusNow(LinkRecord link, Instant now) {
        LinkStatus status = link.statusAt(now);
        return status == link.status() ? link : link.with(status, link.outcome());
    }

    private void sweep() {
        Instant now = clock.instant();
        for (LinkRecord link : links.values()) {
            if (link.statusAt(now) == LinkStatus.EXPIRED && link.status() == LinkStatus.PENDING) {
                LinkRecord expired = link.with(LinkStatus.EXPIRED, null);
                if (links.replace(link.id(), link, expired)) {
                    codes.remove(link.userCode(), link.id());
                    wake(link.id(), expired);
                }
            } else if (link.status().settled() && now.isAfter(link.expiresAt().plus(retention))) {
                links.remove(link.id(), link);
            }
        }
    }

    private void wake(String id, LinkRecord link) {
        List<CompletableFuture<Optional<LinkRecord>>> waiting = waiters.remove(id);
        if (waiting != null) {
            waiting.forEach(answer -> answer.complete(Optional.of(link)));
        }
    }

    private void forget(String id, CompletableFuture<Optional<LinkRecord>> answer) {
        waiters.computeIfPresent(id, (key, list) -> {
            list.remove(answer);
            return list.isEmpty() ? null : list;
        });
    }

    private static long ceilMillis(Duration duration) {
        return Math.floorDiv(duration.toNanos() + 999_999, 1_000_000);
    }
}
