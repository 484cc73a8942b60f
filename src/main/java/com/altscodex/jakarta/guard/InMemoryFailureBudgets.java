package com.altscodex.jakarta.guard;

import com.altscodex.jakarta.config.LimitSettings;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The budgets of one process, at most {@code maxAddresses} of them: a client whose budget is full
 * again needs no entry, and those go first when the map is full; should it still be full (failures
 * from that many addresses at once), an arbitrary tenth goes, so memory stays bounded whatever the
 * number of addresses, at the price of a fresh budget for the clients forgotten.
 */
final class InMemoryFailureBudgets implements FailureBudgets {
    private static final Logger LOG = Logger.getLogger(InMemoryFailureBudgets.class.getName());

    private final double burst;
    private final double deepest;
    private final double perMilli;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean toldFull = new AtomicBoolean();

    InMemoryFailureBudgets(LimitSettings limits, Clock clock) {
        this.burst = limits.burst();
        this.perMilli = limits.failuresPerMinute() / 60_000.0;
        this.deepest = -60.0 * limits.failuresPerMinute();
        this.maxAddresses = limits.maxAddresses();
        this.clock = clock;
    }

    @Override
    public CompletionStage<Taken> take(String client, Mode mode) {
        long now = clock.millis();
        Bucket bucket = mode == Mode.LOOK ? buckets.get(client) : bucketFor(client, now);
        return CompletableFuture.completedStage(bucket == null ? Taken.ALLOWED : bucket.take(mode, now));
    }

    @Override
    public int tracked() {
        return buckets.size();
    }

    @Override
    public void close() {
        buckets.clear();
    }

    private Bucket bucketFor(String client, long now) {
        Bucket bucket = buckets.get(client);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= maxAddresses) {
            makeRoom(now);
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
    }

    private synchronized void makeRoom(long now) {
        if (buckets.size() < maxAddresses) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.fullAt(now));
        if (buckets.size() >= maxAddresses) {
            int drop = Math.max(1, maxAddresses / 10);
            Iterator<Bucket> each = buckets.values().iterator();
            while (drop-- > 0 && each.hasNext()) {
                each.next();
                each.remove();
            }
            if (toldFull.compareAndSet(false, true)) {
                LOG.warning(() -> "failed attempts come from more than " + maxAddresses + " addresses at once"
                        + " (altscodex.limits.max-addresses): some are forgotten to keep memory bounded");
            }
        }
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized Taken take(Mode mode, long now) {
            refill(now);
            if (mode != Mode.FAIL && tokens < 1) {
                return new Taken((long) Math.ceil((1 - tokens) / perMilli), false);
            }
            if (mode == Mode.LOOK) {
                return Taken.ALLOWED;
            }
            boolean had = tokens >= 1;
            tokens = Math.max(deepest, tokens - 1);
            return new Taken(0, had && tokens < 1);
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > at) {
                tokens = Math.min(burst, tokens + (now - at) * perMilli);
                at = now;
            }
        }
    }
}
