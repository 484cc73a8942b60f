package com.altscodex.jakarta.it;

import com.altscodex.jakarta.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WildFly ({@code standalone-microprofile.xml}, unpacked by the build at {@code it.wildfly.home})
 * with the WAR as {@code deployments/ROOT.war}, which it deploys at {@code /} while it boots.
 *
 * <p>Each instance has its own base dir (a copy of {@code standalone/configuration}, with its own
 * data, tmp and log: start-server makes it) under {@code it.work.dir}/wildfly/NAME/server, HTTP on
 * 127.0.0.1:port and free ports for management and HTTPS, so two run side by side.
 */
public final class WildFlyProcess extends ServerProcess {
    private static final String DEPLOYMENT = "ROOT.war";

    private final Path home;
    private final Path base;
    private final int managementPort;

    private WildFlyProcess(Process process, Path log, int port, Path home, Path base, int managementPort) {
        super(process, log, port);
        this.home = home;
        this.base = base;
        this.managementPort = managementPort;
    }

    /**
     * Starts WildFly with exactly these ALTSCODEX_* variables. Returns once the server is up and
     * the deployment has either succeeded or failed (a failure leaves its reason in {@link #log()});
     * throws when that takes more than 3 minutes.
     */
    public static WildFlyProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("it.wildfly.home", "target/wildfly")).toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
            throw new IllegalStateException("no WildFly at " + home + " (system property it.wildfly.home)");
        }
        Path work = workDir(name).toAbsolutePath();
        Path base = work.resolve("server");
        Path log = work.resolve("console.log");
        int managementPort = FreePorts.pick();
        Process process = launch("wildfly", port, work, log, altscodexEnv, Map.of(
                "WILDFLY_HOME", home.toString(),
                "WILDFLY_MANAGEMENT_PORT", String.valueOf(managementPort),
                "WILDFLY_HTTPS_PORT", String.valueOf(FreePorts.pick())));
        WildFlyProcess wildfly = new WildFlyProcess(process, log, port, home, base, managementPort);
        Path deployments = base.resolve("deployments");
        // WFLYSRV0025 "started" / WFLYSRV0026 "started (with errors)"; the marker file tells the outcome
        wildfly.awaitUp("WildFly", text -> (text.contains("WFLYSRV0025") || text.contains("WFLYSRV0026"))
                && (Files.exists(deployments.resolve(DEPLOYMENT + ".deployed"))
                        || Files.exists(deployments.resolve(DEPLOYMENT + ".failed"))));
        return wildfly;
    }

    /** The management interface (HTTP): /health, /prometheus, /management, and the CLI. */
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

    private Path serverLogFile() {
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
    private int cli(String cliCommand) throws IOException, InterruptedException {
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
}
