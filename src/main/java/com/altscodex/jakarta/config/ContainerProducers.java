package com.altscodex.jakarta.config;

import com.altscodex.jakarta.BackendExecutors;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the backend takes from the container: its settings (MicroProfile Config) and executors. */
@ApplicationScoped
public class ContainerProducers {
    static final String EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Produces
    @Singleton
    AltsCodexSettings settings() {
        return readFrom(ConfigProvider.getConfig());
    }

    /**
     * The platform's default managed executors, looked up by their standard names: a @Resource
     * field is not bound when this class sits in an embedding application's WEB-INF/lib.
     */
    @Produces
    @Singleton
    BackendExecutors executors() {
        return BackendExecutors.managed(lookup(EXECUTOR, ManagedExecutorService.class),
                lookup(SCHEDULER, ManagedScheduledExecutorService.class));
    }

    static AltsCodexSettings readFrom(Config config) {
        return SettingsReader.read(key -> config.getOptionalValue(key, String.class));
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(InitialContext.doLookup(name));
        } catch (NamingException e) {
            throw new IllegalStateException("this server has no " + name + ": the module needs Jakarta Concurrency", e);
        }
    }
}
