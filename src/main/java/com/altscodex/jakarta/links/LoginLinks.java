package com.altscodex.jakarta.links;

import com.altscodex.jakarta.AltsCodexBackend;
import com.altscodex.jakarta.audit.Audit;
import com.altscodex.jakarta.audit.AuditEvent.Kind;
import com.altscodex.jakarta.config.AltsCodexSettings;
import com.altscodex.jakarta.config.BackendExecutors;
import com.altscodex.jakarta.config.LinkSettings;
import com.altscodex.jakarta.config.SettingsReader;
import com.altscodex.jakarta.error.AltsCodexException;
import com.altscodex.jakarta.error.BadRequestException;
import com.altscodex.jakarta.error.ErrorCode;
import com.altscodex.jakarta.error.LinkRefusedException;
import com.altscodex.jakarta.error.NotAuthenticatedException;
import com.altscodex.jakarta.error.OverloadedException;
import com.altscodex.jakarta.links.LinkStore.Created;
import com.altscodex.jakarta.session.SessionTokens;
import com.altscodex.jakarta.session.Sessions;
import com.altscodex.jakarta.session.SignedTokens;
import com.altscodex.jakarta.wire.SlotInfo;
import com.altscodex.jakarta.wire.SlotJson;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Login links for clients without a browser (a chatbot, a console, a command-line tool): a trusted
 * caller issues a link for its user; the user opens it (or types its code at {@code /link}) in any
 * browser and logs in as on the demo page; the caller learns the outcome by polling or by webhook,
 * and gets the public slot and a session for that user, never the DeOAuth access token.
 */
@ApplicationScoped
public class LoginLinks {
    private static final Logger LOG = Logger.getLogger(LoginLinks.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SUBJECT = 256;
    private static final int CODE_TRIES = 5;
    static final int RETRY_AFTER_SECONDS = 5;
    /** A poll waits at most this long, whatever it asks: a proxy in front rarely waits longer. */
    public static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private LinkSettings settings;
    private LinkStore store;
    private LinkTokens tokens;
    private Webhooks webhooks;
    private Sessions sessions;
    private AltsCodexBackend backend;
    private Clock clock;
    private String publicOrigin;
    private Duration authorizeTimeout;
    private Executor work;
    private Audit audit;

    /** For CDI's client proxy only. */
    protected LoginLinks() {
    }

    @Inject
    public LoginLinks(AltsCodexSettings settings, BackendExecutors executors, Sessions sessions, AltsCodexBackend backend,
            Audit audit) {
        this(settings, executors, sessions, backend, Clock.systemUTC(), audit, new WebhookUrls(settings.links().webhookAllowedHosts()));
    }

    LoginLinks(AltsCodexSettings settings, BackendExecutors executors, Sessions sessions, AltsCodexBackend backend,
            Clock clock) {
        this(settings, executors, sessions, backend, clock, Audit.logOnly(), new WebhookUrls(settings.links().webhookAllowedHosts()));
    }

    LoginLinks(AltsCodexSettings settings, BackendExecutors executors, Sessions sessions, AltsCodexBackend backend,
            Clock clock, Audit audit, WebhookUrls urls) {
        this.audit = audit;
        this.work = executors.work();
        this.authorizeTimeout = settings.authorizeTimeout();
        this.settings = settings.links();
        this.sessions = sessions;
        this.backend = backend;
        this.clock = clock;
        Duration retention = this.settings.ttl();
        this.store = settings.redis() == null
                ? new InMemoryLinkStore(executors.timers(), clock, this.settings.ttl(), retention)
                : new RedisLinkStore(settings.redis(), executors.work(), executors.timers(), clock, retention);
        this.tokens = settings.session().enabled()
                ? new LinkTokens(new SignedTokens(settings.session().keys()), clock) : null;
        this.webhooks = new Webhooks(this.settings.webhookSecret(), executors.work(), executors.timers(), clock, urls,
                (linkId, why) -> audit.record(Kind.WEBHOOK_URL_REFUSED, null, null, null,
                        "at delivery, link " + linkId.substring(0, Math.min(8, linkId.length())) + ": " + why));
        URI redirect = URI.create(settings.redirectUri());
        this.publicOrigin = redirect.getScheme() + "://" + redirect.getRawAuthority();
    }

    /**
     * Whether the caller may issue and poll links: {@code Authorization: Bearer <key>} with one of
     * {@code altscodex.links.api-keys} (compared in constant time, by hash), or the issuer role.
     */
    public boolean mayIssue(String authorization, Predicate<String> inRole) {
        if (tokens == null) {
            return false;
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = SettingsReader.sha256(authorization.substring(7).trim());
            boolean match = false;
            for (byte[] key : settings.apiKeyHashes()) {
                match |= MessageDigest.isEqual(key, given);
            }
            if (match) {
                return true;
            }
        }
        return inRole.test(settings.issuerRole());
    }

    /** The refusal of a caller {@link #mayIssue} turned away. */
    public AltsCodexException refusal() {
        return new NotAuthenticatedException(ErrorCode.API_KEY_INVALID, tokens == null
                ? "login links are off on this server: they need sessions (altscodex.session.*)"
                : "issuing and polling login links takes Authorization: Bearer with one of altscodex.links.api-keys");
    }

    /** A new link for {@code subject}, the caller's own id for its user; {@code basePath} is where the API is mounted. */
    public CompletionStage<Issued> issue(String subject, String webhookUrl, String basePath) {
        return issue(subject, webhookUrl, basePath, null);
    }

    /**
     * The same for a caller at {@code clientAddress}, which the audit events name. A webhook URL that
     * is not https or would reach this network is refused ({@code WEBHOOK_URL_REFUSED}); its host is
     * looked up on the work pool, never on the caller's thread.
     */
    public CompletionStage<Issued> issue(String subject, String webhookUrl, String basePath, String clientAddress) {
        if (tokens == null) {
            return CompletableFuture.failedFuture(refusal());
        }
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return CompletableFuture.failedFuture(new BadRequestException(
                    "a subject is required: the caller's own id for the user, at most " + MAX_SUBJECT + " characters"));
        }
        if (webhookUrl != null && !webhooks.enabled()) {
            return CompletableFuture.failedFuture(new BadRequestException(
                    "webhooks need altscodex.links.webhook-secret on this server"));
        }
        CompletionStage<Void> checked = webhookUrl == null ? CompletableFuture.completedStage(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        webhooks.urls().check(webhookUrl);
                    } catch (BadRequestException refused) {
                        audit.record(Kind.WEBHOOK_URL_REFUSED, clientAddress, null, null, refused.getMessage());
                        throw refused;
                    }
                }, work);
        String id = randomId();
        Instant expiresAt = clock.instant().plus(settings.ttl());
        return checked.thenCompose(ok -> create(id, subject, webhookUrl, expiresAt, 1)).thenApply(code -> {
            String root = publicOrigin + basePath;
            return new Issued(id, root + "link/" + tokens.issue(id, expiresAt), code, expiresAt, root + "login-links/" + id);
        });
    }

    private CompletionStage<String> create(String id, String subject, String webhookUrl, Instant expiresAt, int attempt) {
        String code = UserCodes.next();
        return store.create(new LinkRecord(id, subject, code, webhookUrl, expiresAt, LinkStatus.PENDING, null),
                settings.maxPending()).thenCompose(created -> switch (created) {
                    case CREATED -> CompletableFuture.completedStage(code);
                    case FULL -> CompletableFuture.failedFuture(new OverloadedException(settings.maxPending(), RETRY_AFTER_SECONDS,
                            "login links waiting for their user (altscodex.links.max-pending)"));
                    case CODE_TAKEN -> attempt < CODE_TRIES ? create(id, subject, webhookUrl, expiresAt, attempt + 1)
                            : CompletableFuture.failedFuture(new OverloadedException(settings.maxPending(), RETRY_AFTER_SECONDS,
                                    "login links waiting for their user: no free user code"));
                });
    }

    /** Where a link stands, for its page (no slot, no session); null for a token that is not ours. */
    public CompletionStage<LinkStatus> status(String token) {
        String id;
        try {
            id = idOf(token);
        } catch (LinkRefusedException refused) {
            return CompletableFuture.completedStage(refused.code() == ErrorCode.LINK_EXPIRED ? LinkStatus.EXPIRED : null);
        }
        return store.get(id).thenApply(link -> link.map(found -> found.statusAt(clock.instant())).orElse(null));
    }

    /** The link of a typed user code, as a path below the API's mount ({@code link/<token>}). */
    public CompletionStage<Optional<String>> pathForCode(String typed) {
        String code = UserCodes.normalized(typed);
        if (code == null || tokens == null) {
            return CompletableFuture.completedStage(Optional.empty());
        }
        return store.idForCode(code).thenCompose(id -> id.isEmpty() ? CompletableFuture.completedStage(Optional.<String>empty())
                : store.get(id.get()).thenApply(link -> link.map(found -> "link/" + tokens.issue(found.id(), found.expiresAt()))));
    }

    /**
     * Completes the link with the user's JWT: the link is taken once (a second use is
     * {@code LINK_USED}), the login chain runs, and its outcome settles the link for the caller.
     * The stage gives the slot to the browser, or fails as the login failed.
     */
    public CompletionStage<SlotInfo> complete(String token, String jwt) {
        return complete(token, jwt, null);
    }

    /** The same for a browser at {@code clientAddress}, which the login's audit event names. */
    public CompletionStage<SlotInfo> complete(String token, String jwt, String clientAddress) {
        String id;
        try {
            id = idOf(token);
        } catch (LinkRefusedException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return store.claim(id).thenCompose(claim -> {
            if (!claim.claimed()) {
                throw refusedUse(claim.link());
            }
            LinkRecord link = claim.link();
            return backend.getSlotInfo(jwt, authorizeTimeout, clientAddress).handle((slot, failure) -> {
                AltsCodexException problem = failure == null ? null : AltsCodexException.of(failure, "DeOAuth call");
                JsonObject outcome = problem == null ? succeeded(link, slot) : failed(link, problem);
                LinkStatus status = problem == null ? LinkStatus.SUCCEEDED : LinkStatus.FAILED;
                LOG.info(() -> "login link " + link.id().substring(0, 8) + " " + status
                        + (problem == null ? "" : " (" + problem.code() + ")"));
                store.settle(link.id(), status, outcome.toString()).whenComplete((ignored, storeFailure) -> {
                    if (storeFailure == null && link.webhookUrl() != null && webhooks.enabled()) {
                        webhooks.deliver(link.id(), link.webhookUrl(), outcome);
                    }
                });
                if (problem != null) {
                    throw problem;
                }
                return slot;
            });
        });
    }

    /** The link's outcome once it settles, or where it stands after {@code wait}; empty for no such link. */
    public CompletionStage<Optional<JsonObject>> poll(String id, Duration wait) {
        Duration bounded = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        return store.awaitSettled(id, bounded).thenApply(link -> link.map(this::asCallerSees));
    }

    /** As the caller reads it: the settled outcome, or {@code {"id", "subject", "status"}}. */
    private JsonObject asCallerSees(LinkRecord link) {
        LinkStatus status = link.statusAt(clock.instant());
        if (link.outcome() != null && status.settled()) {
            return JSON.createReader(new StringReader(link.outcome())).readObject();
        }
        return header(link, status).build();
    }

    private JsonObject succeeded(LinkRecord link, SlotInfo slot) {
        JsonObjectBuilder outcome = header(link, LinkStatus.SUCCEEDED).add("slot", SlotJson.publicPart(slot));
        Optional<SessionTokens.Issued> session = sessions.issue(slot);
        session.ifPresent(issued -> outcome.add("session_token", issued.token())
                .add("session_expires_at", issued.user().expiresAt().toString()));
        return outcome.build();
    }

    private static JsonObject failed(LinkRecord link, AltsCodexException problem) {
        return header(link, LinkStatus.FAILED).add("error", JSON.createObjectBuilder()
                .add("code", problem.code().name()).add("message", problem.getMessage())).build();
    }

    private static JsonObjectBuilder header(LinkRecord link, LinkStatus status) {
        return JSON.createObjectBuilder().add("id", link.id()).add("subject", link.subject()).add("status", status.wire());
    }

    private String idOf(String token) {
        if (tokens == null) {
            throw new LinkRefusedException(ErrorCode.LINK_NOT_FOUND, "login links are off on this server");
        }
        return tokens.idOf(token);
    }

    private static LinkRefusedException refusedUse(LinkRecord link) {
        if (link == null) {
            return LinkRefusedException.notFound();
        }
        return link.status() == LinkStatus.EXPIRED
                ? LinkRefusedException.expired() : LinkRefusedException.used();
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @PreDestroy
    void close() {
        store.close();
        webhooks.close();
    }

    /**
     * A new link, as the caller receives it.
     *
     * @param url the link for the user: it holds a signed, single-use token ({@link #toString()} leaves it out)
     * @param pollUrl where the caller long-polls for the outcome
     */
    public record Issued(String id, String url, String userCode, Instant expiresAt, String pollUrl) {
        @Override
        public String toString() {
            return "Issued[id=" + id + ", expiresAt=" + expiresAt + ", url=****]";
        }
    }
}
