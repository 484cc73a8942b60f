package com.altscodex.jakarta.config;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the backend takes from the container: its settings (MicroProfile Config) and threads. */
@ApplicationScoped
public class ContainerProducers {
    static final String THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    @Produces
    @Singleton
    AltsCodexSettings settings() {
        return readFrom(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    CircuitSettings circuit() {
        Config config = ConfigProvider.getConfig();
        return SettingsReader.circuit(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Pools of our own on the platform's default managed thread factory (see
     * {@link BackendExecutors}), looked up by its standard name: a @Resource field is not bound
     * when this class sits in an embedding application's WEB-INF/lib.
     */
    @Produces
    @Singleton
    BackendExecutors executors() {
        ManagedThreadFactory threads = lookup(THREAD_FACTORY, ManagedThreadFactory.class);
        return BackendExecutors.ownPools(threads, threads);
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
