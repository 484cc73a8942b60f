package com.altscodex.jakarta.config;

import com.altscodex.jakarta.BackendExecutors;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the backend takes from the container: its settings (MicroProfile Config) and executors. */
@ApplicationScoped
public class ContainerProducers {

    @Resource
    ManagedExecutorService work;

    @Resource
    ManagedScheduledExecutorService timers;

    @Produces
    @Singleton
    AltsCodexSettings settings() {
        return readFrom(ConfigProvider.getConfig());
    }

    @Produces
    @Singleton
    BackendExecutors executors() {
        return BackendExecutors.managed(work, timers);
    }

    static AltsCodexSettings readFrom(Config config) {
        return SettingsReader.read(key -> config.getOptionalValue(key, String.class));
    }
}
