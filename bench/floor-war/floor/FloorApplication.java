package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The floor WAR's one resource under /api, as the module's WAR has its resources. */
@ApplicationPath("api")
public class FloorApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(FloorResource.class);
    }
}
