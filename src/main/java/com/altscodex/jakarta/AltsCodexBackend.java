package com.altscodex.jakarta;

import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent;
import com.altscodex.jakarta.client.DeOAuthClient;
import com.altscodex.jakarta.client.DeOAuthTransport;
import com.altscodex.jakarta.client.DirectTransport;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.CallbackRejectedException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.OverloadedException;
import com.altscodex.jakarta.error.ShutdownException;
import com.altscodex.jakarta.health.LoginReadiness;
import com.altscodex.jakarta.health.UpstreamWatch;
import com.altscodex.jakarta.metrics.LoginObserver;
import com.altscodex.jakarta.pending.CallbackMatch;
import com.altscodex.jakarta.pending.InMemoryPendingLogins;
import com.altscodex.jakarta.pending.PendingLogins;
import com.altscodex.jakarta.pending.RedisPendingLogins;
import com.altscodex.jakarta.pending.Registration;
import com.altscodex.jakarta.wire.LoginUrl;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.TokenSet;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a browser's JWT into the user's slot through authorize → callback → get_token, without a
 * thread per waiting login. Inject it ({@code @Inject AltsCodexBackend backend}); outside a
 * container use {@link #standalone(AltsCodexSettings)}.
 *
 * <p>A login's stage settles exactly once: with the slot, or with an {@link AltsCodexException}
 * whose {@link AltsCodexException#code() code} tells what happened. Cancelling the stage
 * ({@code toCompletableFuture().cancel(false)}) forgets the login.
 */
@ApplicationScoped
public class AltsCodexBackend {
    private static final Logger LOG = Logger.getLogger(AltsCodexBackend.class.getName());
    /** A login's outcome line is its audit line: one line per login. */
    private static final Logger OUTCOMES = Logger.getLogger(Audit.LOGGER);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int STATE_BYTES = 16;
    static final int RETRY_AFTER_SECONDS = 2;

    private AltsCodexSettings settings;
    private BackendExecutors executors;
    private DeOAuthClient client;
    private PendingLogins pending;
    private LoginObserver observer;
    private Consumer<AltsCodexLogin> logins = login -> { };
    private Audit audit = Audit.logOnly();
    private final UpstreamWatch upstream = new UpstreamWatch();
    private volatile boolean shutDown;
    /** While a shutdown answers the waiting logins, their INFO lines wait here (see {@link #shutdown}). */
    private volatile Queue<String> heldLines;

    /** For CDI's client proxy only. */
    protected AltsCodexBackend() {
    }

    /** The container's constructor; outside a container use {@link #standalone(AltsCodexSettings)}. */
    @Inject
    public AltsCodexBackend(AltsCodexSettings settings, BackendExecutors executors, DeOAuthTransport transport,
            LoginObserver observer, Event<AltsCodexLogin> logins, Audit audit) {
        this(settings, executors, transport, observer);
        this.logins = logins::fire;
        this.audit = audit;
    }

    /** A backend that fires no {@link AltsCodexLogin} event: outside CDI, or where nothing observes it. */
    public AltsCodexBackend(AltsCodexSettings settings, BackendExecutors executors, DeOAuthTransport transport,
            LoginObserver observer) {
        this.settings = settings;
        this.executors = executors;
        this.observer = observer;
        this.client = new DeOAuthClient(settings.authServerUrl(), settings.credentials(),
                settings.redirectUri(), settings.httpTimeout(), transport);
        this.pending = settings.redis() == null ? new InMemoryPendingLogins(executors.timers())
                : new RedisPendingLogins(settings.redis(), executors.work(), executors.timers());
    }

    /** A backend with its own threads and no fault tolerance or metrics, for use outside a container. */
    public static AltsCodexBackend standalone(AltsCodexSettings settings) {
        BackendExecutors executors = BackendExecutors.standalone();
        return new AltsCodexBackend(settings, executors, new DirectTransport(LoginObserver.NONE, executors.work()),
                LoginObserver.NONE);
    }

    /** The whole chain with the configured {@code altscodex.authorize-timeout}. */
    public CompletionStage<SlotInfo> getSlotInfo(String jwt) {
        return getSlotInfo(jwt, settings.authorizeTimeout());
    }

    /** The whole chain, waiting at most {@code timeout} for the callback. */
    public CompletionStage<SlotInfo> getSlotInfo(String jwt, Duration timeout) {
        return getSlotInfo(jwt, timeout, null);
    }

    /**
     * The same for a request from {@code clientAddress}, which the login's {@link AuditEvent} and
     * outcome line name; null where no request is behind it.
     */
    public CompletionStage<SlotInfo> getSlotInfo(String jwt, Duration timeout, String clientAddress) {
        if (jwt == null || jwt.isBlank()) {
            return CompletableFuture.failedFuture(new BadRequestException("a JWT is required"));
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            return CompletableFuture.failedFuture(new BadRequestException("the timeout must be positive"));
        }
        if (shutDown) {
            return refused(new ShutdownException(), clientAddress);
        }
        if (pending.size() >= settings.maxPending()) {
            return refused(new OverloadedException(settings.maxPending(), RETRY_AFTER_SECONDS), clientAddress);
        }
        String state = newState();
        long started = System.nanoTime();
        // registered before authorize is sent: the callback may overtake authorize's answer
        Registration registration = pending.register(state, timeout);
        CompletableFuture<SlotInfo> login = registration.result();
        // the caller's stage completes after the event's observers ran, so what they keep is there
        // when the caller's next request comes; cancelling it cancels the login
        CompletableFuture<SlotInfo> answer = new CompletableFuture<>();
        login.whenComplete((slot, failure) -> {
            finished(state, started, slot, failure, clientAddress);
            if (failure == null) {
                announce(state, slot);
                answer.complete(slot);
            } else {
                answer.completeExceptionally(failure);
            }
        });
        answer.whenComplete((slot, failure) -> {
            if (answer.isCancelled()) {
                login.cancel(false);
            }
        });
        registration.recorded().whenComplete((recorded, notRecorded) -> {
            if (notRecorded != null) {
                pending.fail(state, asAltsCodex(notRecorded));
            } else if (!login.isDone()) {
                client.authorize(jwt.trim(), state).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        pending.fail(state, upstreamFailure(failure));
                    }
                });
            }
        });
        return answer;
    }

    private void announce(String state, SlotInfo slot) {
        try {
            logins.accept(new AltsCodexLogin(slot));
        } catch (RuntimeException e) {
            // the observer's message may quote what it was handed: its type is enough to find it
            LOG.warning(() -> "an observer of AltsCodexLogin failed for login " + prefix(state) + ": "
                    + e.getClass().getName() + "; the login goes on");
        }
    }

    /**
     * The DeOAuth callback. Returns at once; the code exchange runs detached from the caller, so
     * the end of the callback request cannot cancel it. Unknown, repeated, late or malformed
     * callbacks change nothing, and a repeated one never exchanges the code a second time.
     */
    public void onCallback(String state, String success, String code) {
        if (state == null || state.isBlank()) {
            observer.callbackReceived(CallbackMatch.UNKNOWN);
            return;
        }
        pending.claim(state).whenComplete((match, failure) -> {
            if (failure != null) {
                LOG.warning(() -> "callback for " + prefix(state) + " could not be matched: " + failure);
                return;
            }
            observer.callbackReceived(match);
            if (match != CallbackMatch.MATCHED) {
                LOG.fine(() -> "callback for " + prefix(state) + " ignored: " + match);
            } else if (!"1".equals(success)) {
                pending.fail(state, new CallbackRejectedException(code));
            } else if (code == null || code.isBlank()) {
                pending.fail(state, new CallbackRejectedException("MISSING_CODE"));
            } else {
                exchange(state, code);
            }
        });
    }

    private void exchange(String state, String code) {
        client.getToken(code).whenComplete((slot, failure) -> {
            if (failure == null) {
                upstream.exchangeSucceeded();
                pending.complete(state, slot);
            } else {
                pending.fail(state, upstreamFailure(failure));
            }
        });
    }

    /** Exchanges an authorization code for the slot (get_token), outside the login chain. */
    public CompletionStage<SlotInfo> exchangeCode(String code) {
        if (code == null || code.isBlank()) {
            return CompletableFuture.failedFuture(new BadRequestException("a code is required"));
        }
        return client.getToken(code);
    }

    /** New tokens for a refresh token and the code it came with (DeOAuth's refresh request). */
    public CompletionStage<TokenSet> refreshTokens(String refreshToken, String code) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return CompletableFuture.failedFuture(new BadRequestException("a refresh token is required"));
        }
        return client.refresh(refreshToken, code == null ? "" : code);
    }

    /** Ends the user's DeOAuth session for this JWT (DeOAuth's logout request). */
    public CompletionStage<Void> logout(String jwt) {
        if (jwt == null || jwt.isBlank()) {
            return CompletableFuture.failedFuture(new BadRequestException("a JWT is required"));
        }
        return client.logout(jwt.trim());
    }

    /** A platform login URL with a fresh state; no request is made. */
    public LoginUrl loginUrl() {
        String state = newState();
        String url = settings.platformUrl() + "/oauth/login"
                + "?client_id=" + encode(settings.clientId())
                + "&redirect_uri=" + encode(settings.redirectUri())
                + "&response_type=code"
                + "&state=" + state;
        return new LoginUrl(state, url);
    }

    /** How many logins wait for their callback now. */
    public int pendingLogins() {
        return pending.size();
    }

    /** @return whether {@link #shutdown()} has run: every later login is refused with {@code SHUTDOWN} */
    public boolean isShutDown() {
        return shutDown;
    }

    /** Whether logins can succeed now, and if not, why (MicroProfile Health reports it). */
    public LoginReadiness readiness() {
        return new LoginReadiness(shutDown, upstream.circuitOpen(), !pending.available(), upstream.credentialsRejected());
    }

    /**
     * Answers every waiting login with {@link ErrorCode#SHUTDOWN} before it returns, and
     * refuses new ones; their outcome lines are logged once the last of them is answered. Safe
     * to call more than once.
     */
    public void shutdown() {
        synchronized (this) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        // every answer first, then the lines: written as each login failed, a drain of 10,000 wrote
        // 9,999 log lines before its last answer, on the cores that write the answers
        Queue<String> held = new ConcurrentLinkedQueue<>();
        heldLines = held;
        int answered;
        try {
            answered = pending.failAll(new ShutdownException());
        } finally {
            heldLines = null;
            writeHeld(held);
        }
        LOG.info(() -> "AltsCodex backend shut down; " + answered + " waiting login(s) answered SHUTDOWN");
        pending.close();
        client.close();
        executors.shutdown();
    }

    /**
     * Created with the application rather than by the first login: the first user does not wait
     * for the clients to be built, and a shared store is connected before any traffic.
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.fine(() -> "AltsCodex backend ready, " + pending.size() + " logins waiting");
    }

    @PreDestroy
    void preDestroy() {
        shutdown();
    }

    private <T> CompletionStage<T> refused(AltsCodexException refusal, String clientAddress) {
        observer.loginFinished(refusal.code().name(), Duration.ZERO);
        audit.fire(new AuditEvent(AuditEvent.Kind.LOGIN_FAILED, audit.clock().instant(), clientAddress, null, null,
                refusal.code().name()));
        return CompletableFuture.failedFuture(refusal);
    }

    private AltsCodexException upstreamFailure(Throwable failure) {
        AltsCodexException e = asAltsCodex(failure);
        upstream.failed(e);
        return e;
    }

    private void finished(String state, long started, SlotInfo slot, Throwable failure, String clientAddress) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String outcome = cause == null ? "SUCCESS"
                : cause instanceof CancellationException ? "CANCELLED"
                : cause instanceof AltsCodexException e ? e.code().name() : "INTERNAL";
        observer.loginFinished(outcome, took);
        String slotId = slot == null ? null : slot.id();
        audit.fire(new AuditEvent(cause == null ? AuditEvent.Kind.LOGIN_SUCCEEDED : AuditEvent.Kind.LOGIN_FAILED,
                audit.clock().instant(), clientAddress, slotId, prefix(state), cause == null ? null : outcome));
        Level level = switch (outcome) {
            case "AUTHORIZE_FAILED", "CALLBACK_REJECTED", "UPSTREAM_HTTP", "UPSTREAM_UNAVAILABLE" -> Level.WARNING;
            case "INTERNAL" -> Level.SEVERE;
            default -> Level.INFO;
        };
        if (!OUTCOMES.isLoggable(level)) {
            return;
        }
        String detail = cause instanceof AltsCodexException && !outcome.equals("EXPIRED_TOKEN")
                ? ": " + cause.getMessage() : "";
        String line = "login " + prefix(state) + " " + outcome + " in " + took.toMillis() + " ms"
                + (clientAddress == null ? "" : " from " + Audit.shown(clientAddress))
                + (slotId == null ? "" : " slot " + Audit.shown(slotId)) + detail;
        Queue<String> held = heldLines;
        if (held != null && level == Level.INFO) {
            held.add(line);
            if (heldLines == null) {
                // the shutdown took the queue while we added to it: our line may be the one it missed
                writeHeld(held);
            }
            return;
        }
        OUTCOMES.log(level, line, outcome.equals("INTERNAL") ? cause : null);
    }

    /** Each line once, whoever polls it: the shutdown, or a login that finished as it ended. */
    private static void writeHeld(Queue<String> held) {
        for (String line = held.poll(); line != null; line = held.poll()) {
            OUTCOMES.info(line);
        }
    }

    static AltsCodexException asAltsCodex(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof AltsCodexException)) {
            LOG.log(Level.SEVERE, "unexpected failure in the login chain", cause);
        }
        return AltsCodexException.of(cause, "DeOAuth call");
    }

    private static String newState() {
        byte[] bytes = new byte[STATE_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String prefix(String state) {
        char[] head = state.substring(0, Math.min(8, state.length())).toCharArray();
        for (int i = 0; i < head.length; i++) {
            char c = head[i];
            boolean word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            head[i] = word ? c : '?';
        }
        return new String(head);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
