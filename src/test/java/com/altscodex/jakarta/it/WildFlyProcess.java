package com.altscodex.jakarta.it;

import com.altscodex.jakarta.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * WildFly ({@code standalone-microprofile.xml}, unpacked by the build at {@code it.wildfly.home})
 * with the WAR as {@code deployments/ROOT.war}, which it deploys at {@code /} while it boots.
 *
 * <p>The server JVM is started directly through jboss-modules, with the options
 * {@code bin/standalone.sh} would give it: the script runs the JVM as a foreground child and does
 * not pass SIGTERM on (the script dies, the JVM goes on), so {@link #pid()} is the server JVM and
 * {@link #stop()} reaches it.
 *
 * <p>Each instance has its own base dir (a copy of {@code standalone/configuration}, with its own
 * data, tmp and log) under {@code it.work.dir}/wildfly/NAME/server, HTTP on 127.0.0.1:port and free
 * ports for management, HTTPS and AJP, so two run side by side.
 */
public final class WildFlyProcess extends ServerProcess {
    private static final String CONFIG = "standalone-microprofile.xml";
    private static final String DEPLOYMENT = "ROOT.war";

    /** What bin/common.sh adds on a modular JDK (17+). */
    private static final List<String> MODULAR_JVM_OPTIONS = List.of(
            "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
            "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.management/javax.management=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming=ALL-UNNAMED");

    private final Path home;
    private final Path base;
    private final int managementPort;
    private final long launched;
    private volatile long settled = -1;

    private WildFlyProcess(Process process, Path log, int port, Path home, Path base, int managementPort,
            long launched) {
        super(process, log, port);
        this.home = home;
        this.base = base;
        this.managementPort = managementPort;
        this.launched = launched;
    }

    /**
     * Starts WildFly with the WAR ({@code it.war}) at {@code /} on {@code port} and exactly these
     * ALTSCODEX_* variables. Returns once the server is up and the deployment has either succeeded
     * or failed ({@link #deployed()}; a failure leaves its reason in {@link #log()}); throws when
     * that takes more than 3 minutes.
     */
    public static WildFlyProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("it.wildfly.home", "target/wildfly")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no WildFly at " + home + " (system property it.wildfly.home)");
        }
        Path dir = workDir(name).toAbsolutePath();
        Path base = dir.resolve("server");
        deleteTree(base);
        copyTree(home.resolve("standalone").resolve("configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments").resolve(DEPLOYMENT));
        Path log = dir.resolve("console.log");
        Files.deleteIfExists(log);
        int managementPort = FreePorts.pick();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D[Standalone]", "-Xms64m", "-Xmx512m",
                "-Djava.net.preferIPv4Stack=true", "-Djava.awt.headless=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                // as server-config/start-server: wait for requests in flight on SIGTERM
                "-Dorg.wildfly.sigterm.suspend.timeout=30",
                "-Djdk.serialFilter=maxbytes=10485760;maxdepth=128;maxarray=100000;maxrefs=300000"));
        command.addAll(MODULAR_JVM_OPTIONS);
        command.addAll(List.of(
                "-Dorg.jboss.boot.log.file=" + base.resolve("log").resolve("server.log"),
                "-Dlogging.configuration=file:" + base.resolve("configuration").resolve("logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home,
                "-Djboss.server.base.dir=" + base,
                "-c", CONFIG,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + FreePorts.pick(),
                "-Djboss.ajp.port=" + FreePorts.pick(),
                "-Djboss.management.http.port=" + managementPort,
                "-Djboss.management.https.port=" + FreePorts.pick(),
                "-Djboss.node.name=" + name,
                // at most 23 bytes, and unique among servers that could share a transaction store
                "-Djboss.tx.node.id=it-" + port));
        long launched = System.nanoTime();
        WildFlyProcess wildfly = new WildFlyProcess(launch(command, log, altscodexEnv, Map.of()), log, port, home,
                base, managementPort, launched);
        Path deployments = base.resolve("deployments");
        // WFLYSRV0025 "started" / WFLYSRV0026 "started (with errors)"; the marker file tells the outcome
        wildfly.awaitUp("WildFly", text -> (text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026"))
                && (Files.exists(deployments.resolve(DEPLOYMENT + ".deployed"))
                        || Files.exists(deployments.resolve(DEPLOYMENT + ".failed"))));
        wildfly.settled = System.nanoTime();
        return wildfly;
    }

    /** Whether the WAR deployed (and is still deployed); false when it failed (the reason is in {@link #log()}). */
    public boolean deployed() {
        return Files.exists(base.resolve("deployments").resolve(DEPLOYMENT + ".deployed"));
    }

    /** From launching the JVM until the deployment's outcome was known. */
    public Duration startToSettled() {
        return Duration.ofNanos(settled - launched);
    }

    /** The management interface (HTTP): /health, /metrics, /management, and the CLI. */
    public int managementPort() {
        return managementPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** WildFly answers health on its management interface, not the application's port. */
    @Override
    public String healthUrl() {
        return managementUrl() + "/health";
    }

    /** The micrometer subsystem's Prometheus registry (server-config/wildfly/enable-metrics.cli). */
    @Override
    public String metricsUrl() {
        return managementUrl() + "/prometheus";
    }

    public Path serverLogFile() {
        return base.resolve("log").resolve("server.log");
    }

    /**
     * server.log (the boot log included, and every line the console shows); the console only until
     * server.log exists, so no line is counted twice.
     */
    @Override
    public String log() throws IOException {
        return Files.exists(serverLogFile()) ? read(serverLogFile()) : super.log();
    }

    /**
     * {@code undeploy ROOT.war} through the management CLI (local authentication); returns once the
     * server has undeployed it. The deployment scanner then marks it ROOT.war.undeployed and leaves it.
     */
    @Override
    public void undeploy() throws IOException, InterruptedException {
        int code = cli("undeploy " + DEPLOYMENT);
        if (code != 0) {
            throw new IllegalStateException("undeploy failed (" + code + "); see " + base.resolve("cli.log"));
        }
    }

    /** Runs one CLI command against this server (about 2.5 s of CLI start); output goes to BASE/cli.log. */
    public int cli(String cliCommand) throws IOException, InterruptedException {
        Process cli = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djboss.cli.config=" + home.resolve("bin").resolve("jboss-cli.xml"),
                "-Dlogging.configuration=file:" + home.resolve("bin").resolve("jboss-cli-logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.cli",
                "--connect", "--controller=remote+http://127.0.0.1:" + managementPort,
                "--command=" + cliCommand)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("cli.log").toFile()))
                .start();
        if (!cli.waitFor(60, TimeUnit.SECONDS)) {
            cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the CLI did not finish within 60 s: " + cliCommand);
        }
        return cli.exitValue();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
