package com.altscodex.jakarta.guard;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.LimitSettings;
import com.altscodex.jakarta.config.RedisLocation;
import com.altscodex.jakarta.error.RateLimitedException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Limits guessing: a wrong user code, an unknown login-link token, or a wrong or missing API key is
 * a failure, and a client address past its budget ({@code altscodex.limits.*}) is answered 429
 * {@code RATE_LIMITED} with {@code Retry-After} on those endpoints until the budget refills. Other
 * addresses are not touched, and logins are never limited. With the Redis store the budgets are
 * shared by every replica.
 *
 * <p>An IPv6 client is counted by its /64, the block one host is usually given, so that an attacker
 * cannot take a fresh budget from each of its addresses.
 */
@ApplicationScoped
public class GuessLimits {
    private FailureBudgets budgets;
    private Audit audit;

    /** For CDI's client proxy only. */
    protected GuessLimits() {
    }

    @Inject
    public GuessLimits(AltsCodexSettings settings, BackendExecutors executors, Audit audit) {
        this(budgets(settings.redis(), settings.security().limits(), executors.work()), audit);
    }

    GuessLimits(FailureBudgets budgets, Audit audit) {
        this.budgets = budgets;
        this.audit = audit;
    }

    /** Budgets in this process only, timed by {@code clock}. */
    public static GuessLimits inMemory(LimitSettings limits, Clock clock, Audit audit) {
        return new GuessLimits(new InMemoryFailureBudgets(limits, clock), audit);
    }

    private static FailureBudgets budgets(RedisLocation redis, LimitSettings limits, Executor work) {
        return redis == null ? new InMemoryFailureBudgets(limits, Clock.systemUTC())
                : new RedisFailureBudgets(redis, limits, work);
    }

    /**
     * Whether {@code address} may make an attempt now: completes normally, or fails with
     * {@link RateLimitedException} when its budget is used up. Call {@link #failed} once it failed.
     */
    public CompletionStage<Void> check(String address) {
        return take(address, FailureBudgets.Mode.LOOK);
    }

    /** One failed attempt from {@code address}, counted (in the background) whatever its budget holds. */
    public void failed(String address) {
        take(address, FailureBudgets.Mode.FAIL).exceptionally(unreachableStore -> null);
    }

    /**
     * An attempt whose outcome is known at once (an API key): as {@link #check}, and a {@code failed}
     * one is counted when it may go on, in the same step.
     */
    public CompletionStage<Void> attempt(String address, boolean failed) {
        return take(address, failed ? FailureBudgets.Mode.TRY_FAIL : FailureBudgets.Mode.LOOK);
    }

    private CompletionStage<Void> take(String address, FailureBudgets.Mode mode) {
        String client = clientOf(address);
        return budgets.take(client, mode).thenApply(taken -> {
            if (taken.refused()) {
                throw new RateLimitedException((taken.waitMillis() + 999) / 1000);
            }
            if (taken.emptied()) {
                audit.record(Kind.RATE_LIMITED, address, null, null, "failed attempts used up the budget of "
                        + client + ": refused until it refills");
            }
            return null;
        });
    }

    /** How many addresses this process keeps a budget for now; -1 where they are in Redis. */
    public int trackedAddresses() {
        return budgets.tracked();
    }

    /** The budget's key: an IPv4 address, an IPv6 address's /64, or whatever the proxies named. */
    static String clientOf(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        byte[] bytes = com.altscodex.jakarta.config.AddressRange.literal(address);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            return address;
        }
    }

    @PreDestroy
    void close() {
        budgets.close();
    }
}
