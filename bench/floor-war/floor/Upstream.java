package floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** One GET to the upstream as a MicroProfile Rest Client, the API the module's DeOAuth calls use. */
public interface Upstream extends AutoCloseable {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response get();

    @Override
    void close();
}
