package floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * What the server costs with none of the module's code: each endpoint does one of the things a
 * login does, and nothing else. bench/floor drives them with the login's own request (wrk and
 * bench/login.lua) and reads the server's CPU per request.
 *
 * <ul>
 * <li>{@code POST /api/login}: the login's inbound half. The request is suspended and answered from
 * another thread, as a login is answered from the thread that finished its get_token; a JWT that
 * starts with {@code timeout-} (bench/java/HoldLogins) waits until {@code POST /api/release};</li>
 * <li>{@code POST /api/callback}: the callback's, a synchronous POST answered at once;</li>
 * <li>{@code POST /api/outbound/*}: a synchronous POST that makes one GET to the upstream (the mock
 * DeOAuth server) first, through the platform's JAX-RS client, a MicroProfile Rest Client, or the
 * JDK's HttpClient; {@code outbound/jdk-async} suspends instead and answers when the JDK client's
 * future completes, so no thread waits for the upstream.</li>
 * </ul>
 */
@Path("")
@ApplicationScoped
public class FloorResource {
    private static final String ANSWER = "{\"success\":true}";
    private static final String SHUTDOWN = "{\"success\":false,\"code\":\"SHUTDOWN\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final URI UPSTREAM = URI.create(setting("FLOOR_UPSTREAM", "http://127.0.0.1:9/"));

    private final Queue<AsyncResponse> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger heldCount = new AtomicInteger();
    /** Answers the logins, as the module's work pool does after get_token. */
    private final ExecutorService answering = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "floor-answer");
        thread.setDaemon(true);
        return thread;
    });
    private final Client jaxrs = ClientBuilder.newBuilder()
            .connectTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    private final Upstream restClient = RestClientBuilder.newBuilder()
            .baseUri(UPSTREAM)
            .connectTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .build(Upstream.class);
    private final HttpClient jdk = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @POST
    @Path("login")
    @Produces(MediaType.APPLICATION_JSON)
    public void login(String body, @Suspended AsyncResponse answer) {
        if (body.contains("\"timeout-")) {
            held.add(answer);
            heldCount.incrementAndGet();
        } else {
            answering.execute(() -> answer.resume(ANSWER));
        }
    }

    @GET
    @Path("held")
    @Produces(MediaType.TEXT_PLAIN)
    public String held() {
        return Integer.toString(heldCount.get());
    }

    /** Answers every held login 503 at once, as a drain does, from the answering threads. */
    @POST
    @Path("release")
    @Produces(MediaType.TEXT_PLAIN)
    public String release() {
        int released = 0;
        for (AsyncResponse answer; (answer = held.poll()) != null; released++) {
            AsyncResponse waiting = answer;
            answering.execute(() -> waiting.resume(Response.status(503).type(MediaType.APPLICATION_JSON)
                    .entity(SHUTDOWN).build()));
        }
        heldCount.addAndGet(-released);
        return Integer.toString(released);
    }

    @POST
    @Path("callback")
    @Produces(MediaType.APPLICATION_JSON)
    public String callback(String body) {
        return ANSWER;
    }

    @POST
    @Path("outbound/jaxrs")
    @Produces(MediaType.APPLICATION_JSON)
    public String viaJaxRs(String body) {
        try (Response response = jaxrs.target(UPSTREAM).request(MediaType.APPLICATION_JSON).get()) {
            return checked(response.getStatus(), response.readEntity(String.class));
        }
    }

    @POST
    @Path("outbound/rest-client")
    @Produces(MediaType.APPLICATION_JSON)
    public String viaRestClient(String body) {
        try (Response response = restClient.get()) {
            return checked(response.getStatus(), response.readEntity(String.class));
        }
    }

    @POST
    @Path("outbound/jdk")
    @Produces(MediaType.APPLICATION_JSON)
    public String viaJdk(String body) throws Exception {
        HttpResponse<String> response = jdk.send(upstreamRequest(), HttpResponse.BodyHandlers.ofString());
        return checked(response.statusCode(), response.body());
    }

    @POST
    @Path("outbound/jdk-async")
    @Produces(MediaType.APPLICATION_JSON)
    public void viaJdkAsync(String body, @Suspended AsyncResponse answer) {
        jdk.sendAsync(upstreamRequest(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) ->
                answer.resume(failure == null && answered(response.statusCode(), response.body()) ? ANSWER
                        : Response.status(502).build()));
    }

    private static HttpRequest upstreamRequest() {
        return HttpRequest.newBuilder(UPSTREAM).timeout(TIMEOUT).header("Accept", MediaType.APPLICATION_JSON).GET().build();
    }

    /** The login's answer when the upstream answered 200 with a body, so a broken upstream shows in wrk's statuses. */
    private static String checked(int status, String upstreamBody) {
        if (!answered(status, upstreamBody)) {
            throw new WebApplicationException(502);
        }
        return ANSWER;
    }

    private static boolean answered(int status, String upstreamBody) {
        return status == 200 && upstreamBody != null && !upstreamBody.isEmpty();
    }
}
