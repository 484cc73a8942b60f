package com.altscodex.jakarta.adapter;

/**
 * Which optional server APIs this deployment can see. An adapter that implements or calls one of
 * them is only ever named after {@link #present} said yes, so a server without that API never
 * loads the adapter's class, and never fails the deployment over it.
 */
public final class ServerApis {
    /** Jersey's lifecycle SPI: Payara and GlassFish run JAX-RS on Jersey. */
    public static final String JERSEY_LIFECYCLE = "org.glassfish.jersey.server.spi.ContainerLifecycleListener";
    /** MicroProfile Metrics: Payara and Open Liberty ship it, WildFly 39 does not. */
    public static final String MP_METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";
    /** Micrometer: WildFly's metrics API since MicroProfile Metrics left it. */
    public static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    private ServerApis() {
    }

    /** Whether the application can load {@code className}, without initialising it. */
    public static boolean present(String className) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ServerApis.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class.forName(className, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not visible through this loader
            }
        }
        return false;
    }
}
