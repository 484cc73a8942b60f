package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.FreePorts;
import com.altscodex.jakarta.TestCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Redis as production runs it behind Sentinel, on 127.0.0.1: a primary, a replica of it and one
 * sentinel watching them (quorum 1, the primary called down after a second), each a real
 * {@code redis-server} from Debian's package ({@code server-config/install-test-tools}). With a
 * {@link TestCa}, all three speak TLS only, with a certificate for 127.0.0.1 that CA signed, and
 * check a client certificate where one is given ({@code tls-auth-clients optional}).
 */
public final class LocalSentinel implements AutoCloseable {
    public static final String PRIMARY_NAME = "mymaster";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path dir;
    private final int primaryPort = FreePorts.pick();
    private final int replicaPort = FreePorts.pick();
    private final int sentinelPort = FreePorts.pick();
    private final List<Process> processes = new ArrayList<>();
    private final TestCa ca;
    private TestCa.Issued certificate;
    private Process primary;

    private LocalSentinel(TestCa ca) throws IOException {
        dir = Files.createTempDirectory("altscodex-sentinel");
        this.ca = ca;
    }

    /** Starts the three and returns once the replica copies the primary and the sentinel sees both. */
    public static LocalSentinel start() throws IOException, InterruptedException {
        return start(null);
    }

    /** As {@link #start()}, over TLS with a certificate of {@code ca} when it is not null. */
    public static LocalSentinel start(TestCa ca) throws IOException, InterruptedException {
        LocalSentinel set = new LocalSentinel(ca);
        try {
            if (ca != null) {
                set.certificate = ca.issue("redis", "ip:127.0.0.1,dns:localhost");
            }
            set.primary = set.server("primary", set.primaryPort, "");
            set.server("replica", set.replicaPort, "replicaof 127.0.0.1 " + set.primaryPort + "\n");
            set.awaitReply(set.replicaPort, s -> s.contains("master_link_status:up"), "INFO", "replication");
            Path conf = set.dir.resolve("sentinel.conf");
            Files.writeString(conf, set.listen(set.sentinelPort) + "bind 127.0.0.1\ndir " + set.dir + "\n"
                    + "sentinel monitor " + PRIMARY_NAME + " 127.0.0.1 " + set.primaryPort + " 1\n"
                    + "sentinel down-after-milliseconds " + PRIMARY_NAME + " 1000\n"
                    + "sentinel failover-timeout " + PRIMARY_NAME + " 10000\n");
            set.launch("sentinel", conf.toString(), "--sentinel");
            set.awaitReply(set.sentinelPort, s -> s.contains(String.valueOf(set.replicaPort)),
                    "SENTINEL", "replicas", PRIMARY_NAME);
            return set;
        } catch (IOException | InterruptedException | RuntimeException e) {
            set.close();
            throw e;
        }
    }

    /** What {@code altscodex.redis.uri} says to find the primary through this sentinel. */
    public String uri() {
        return uri("");
    }

    /** The same, logging in as {@code user:password@} (or nothing, for ""). */
    public String uri(String userInfo) {
        return (ca == null ? "redis-sentinel://" : "rediss-sentinel://") + userInfo + "127.0.0.1:" + sentinelPort + "/0#"
                + PRIMARY_NAME;
    }

    /** Makes an ACL user on the primary and the replica (ACLs are not replicated), for after a failover too. */
    public void addUser(String name, String password, String grant) throws IOException, InterruptedException {
        for (int port : new int[] {primaryPort, replicaPort}) {
            List<String> command = new ArrayList<>(List.of("ACL", "SETUSER", name, "on", ">" + password));
            command.addAll(List.of(grant.trim().split("\\s+")));
            String reply = cli(port, command.toArray(String[]::new));
            if (!reply.trim().equals("OK")) {
                throw new IllegalStateException("ACL SETUSER refused: " + reply);
            }
        }
    }

    /** The lines that make a server listen: plain, or TLS only with this set's certificate. */
    private String listen(int port) {
        if (ca == null) {
            return "port " + port + "\n";
        }
        return "port 0\ntls-port " + port + "\ntls-cert-file " + certificate.certificate() + "\ntls-key-file "
                + certificate.key() + "\ntls-ca-cert-file " + ca.pem() + "\ntls-auth-clients optional\ntls-replication yes\n";
    }

    public int primaryPort() {
        return primaryPort;
    }

    /**
     * Waits until the replica holds every write the primary has taken: its acknowledged offset
     * reaches the primary's (WAIT would speak only of redis-cli's own writes, of which there are none).
     */
    public void awaitReplicated() throws IOException, InterruptedException {
        awaitReply(primaryPort, LocalCluster::replicaCaughtUp, "INFO", "replication");
    }


    /** SIGKILL, as a crash: nothing is flushed, the connections drop. */
    public void killPrimary() throws InterruptedException {
        primary.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits until the sentinel names the replica as the primary. */
    public void awaitPromotion(Duration within) throws IOException, InterruptedException {
        awaitReply(sentinelPort, s -> s.contains(String.valueOf(replicaPort)), within,
                "SENTINEL", "get-master-addr-by-name", PRIMARY_NAME);
    }

    /** One command through redis-cli; its output. */
    public String cli(int port, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        if (ca != null) {
            line.addAll(List.of("--tls", "--cacert", ca.pem().toString(), "--cert", certificate.certificate().toString(),
                    "--key", certificate.key().toString()));
        }
        line.addAll(List.of(command));
        return RedisProcesses.run(line);
    }

    private Process server(String name, int port, String extra) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve(name));
        Path conf = dir.resolve(name + ".conf");
        Files.writeString(conf, listen(port) + "bind 127.0.0.1\ndir " + data + "\nsave \"\"\nappendonly no\n" + extra);
        Process process = launch(name, conf.toString());
        awaitReply(port, s -> s.contains("PONG"), "PING");
        return process;
    }

    private Process launch(String name, String... arguments) throws IOException {
        Process process = RedisProcesses.server(List.of(arguments), dir.resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private void awaitReply(int port, Predicate<String> wanted, String... command) throws IOException, InterruptedException {
        awaitReply(port, wanted, STARTUP, command);
    }

    private void awaitReply(int port, Predicate<String> wanted, Duration within, String... command)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = cli(port, command);
            if (wanted.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Redis on port " + port + " never answered " + String.join(" ", command)
                + " as expected; last: " + last.trim() + "; logs in " + dir);
    }

    @Override
    public void close() {
        RedisProcesses.stop(processes, dir);
    }
}
