package floor;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same two inbound requests as {@link FloorResource}'s {@code login} and {@code callback}, as
 * plain servlets: the difference is what the JAX-RS runtime adds to each request.
 */
public final class ServletFloor {
    private static final byte[] ANSWER = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private ServletFloor() {
    }

    static void answer(HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(ANSWER.length);
        response.getOutputStream().write(ANSWER);
    }

    /** POST /servlet/callback: the body read, the answer written, in the request's thread. */
    @WebServlet(urlPatterns = "/servlet/callback")
    public static class Callback extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            answer(response);
        }
    }

    /** POST /servlet/login: the body read, the request made async and completed from another thread. */
    @WebServlet(urlPatterns = "/servlet/login", asyncSupported = true)
    public static class Login extends HttpServlet {
        private final ExecutorService answering = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "floor-servlet-answer");
            thread.setDaemon(true);
            return thread;
        });

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            AsyncContext async = request.startAsync();
            answering.execute(() -> {
                try {
                    answer((HttpServletResponse) async.getResponse());
                } catch (IOException e) {
                    // the client went away: nothing to answer
                } finally {
                    async.complete();
                }
            });
        }
    }
}
