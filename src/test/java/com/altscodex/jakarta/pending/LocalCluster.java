package com.altscodex.jakarta.pending;

import com.altscodex.jakarta.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster on 127.0.0.1: three primaries, each with a replica, made by
 * {@code redis-cli --cluster create} from Debian's redis-server (a node is called failed after a
 * second, and its replica then takes its slots).
 */
public final class LocalCluster implements AutoCloseable {
    private final Path dir;
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();
    /** The primaries as made (a failover may have changed them since). */
    private final List<Integer> primaries = new ArrayList<>();

    private LocalCluster() throws IOException {
        dir = Files.createTempDirectory("altscodex-cluster");
    }

    public static LocalCluster start() throws IOException, InterruptedException {
        LocalCluster cluster = new LocalCluster();
        try {
            for (int i = 0; i < 6; i++) {
                cluster.node(nodePort());
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            cluster.nodes.keySet().forEach(port -> create.add("127.0.0.1:" + port));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            String created = run(create);
            if (!created.contains("All 16384 slots covered")) {
                throw new IllegalStateException("the cluster was not made: " + created);
            }
            cluster.awaitState(Duration.ofSeconds(30));
            for (int port : cluster.nodes.keySet()) {
                if (cli(port, "ROLE").startsWith("master")) {
                    cluster.primaries.add(port);
                    awaitReplicaOffset(port, Duration.ofSeconds(30));
                }
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** What {@code altscodex.redis.uri} says (with {@code altscodex.redis.cluster=true}): two seed nodes. */
    public String uri() {
        List<Integer> ports = new ArrayList<>(nodes.keySet());
        return "redis://127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1);
    }

    /** The port of the primary that holds {@code key}'s slot. */
    public int primaryOf(String key) throws IOException, InterruptedException {
        String slot = cli(first(), "CLUSTER", "KEYSLOT", key).trim();
        int wanted = Integer.parseInt(slot);
        for (String line : cli(first(), "CLUSTER", "NODES").split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < fields.length; i++) {
                String[] range = fields[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (wanted >= from && wanted <= to) {
                    return Integer.parseInt(fields[1].split("[:@]")[1]);
                }
            }
        }
        throw new IllegalStateException("no primary holds slot " + slot);
    }

    /**
     * Waits until the node's replica holds every write it has taken: its acknowledged offset reaches
     * the primary's (WAIT would speak only of redis-cli's own writes, of which there are none).
     */
    public void awaitReplicated(int port) throws IOException, InterruptedException {
        awaitReplicaOffset(port, Duration.ofSeconds(10));
    }

    static void awaitReplicaOffset(int port, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String info = "";
        while (System.nanoTime() < deadline) {
            info = cli(port, "INFO", "replication");
            if (replicaCaughtUp(info)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the replica of " + port + " did not catch up: " + info);
    }

    /** Whether INFO replication of a primary shows its first replica at the primary's offset. */
    static boolean replicaCaughtUp(String info) {
        long primary = -1;
        long replica = -1;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("master_repl_offset:")) {
                primary = Long.parseLong(line.substring("master_repl_offset:".length()).trim());
            }
            int at = line.indexOf(",offset=");
            if (line.startsWith("slave0:") && at > 0) {
                replica = Long.parseLong(line.substring(at + 8).split(",")[0]);
            }
        }
        return primary >= 0 && replica >= primary;
    }

    /** Empties every primary made at start, as FLUSHALL does one server. */
    public void flushAll() throws IOException, InterruptedException {
        for (int port : primaries) {
            if (nodes.get(port).isAlive()) {
                cli(port, "FLUSHALL");
            }
        }
    }

    /** SIGKILL of one node. */
    public void kill(int port) throws InterruptedException {
        nodes.get(port).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits until a node still up says the cluster is whole (every slot served). */
    public void awaitState(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = cli(first(), "CLUSTER", "INFO");
            if (last.contains("cluster_state:ok")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the cluster is not whole: " + last + "; logs in " + dir);
    }

    /**
     * A free port whose cluster bus port (10000 above it) is free too and below the kernel's
     * ephemeral range, where an outgoing connection could take it a moment later.
     */
    private static int nodePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FreePorts.pick();
            if (port + 10_000 >= 32_768) {
                continue;
            }
            try (java.net.ServerSocket bus = new java.net.ServerSocket(port + 10_000, 1, java.net.InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free pair of ports for a cluster node");
    }

    private int first() {
        return nodes.entrySet().stream().filter(e -> e.getValue().isAlive()).findFirst().orElseThrow().getKey();
    }

    private void node(int port) throws IOException, InterruptedException {
        Path data = Files.createDirectories(dir.resolve("node-" + port));
        Path conf = data.resolve("redis.conf");
        Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + data + "\nsave \"\"\nappendonly no\n"
                + "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 1000\n");
        Process process = RedisProcesses.server(List.of(conf.toString()), data.resolve("redis.log"));
        nodes.put(port, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!cli(port, "PING").contains("PONG")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cluster node " + port + " did not start: "
                        + Files.readString(data.resolve("redis.log")));
            }
            Thread.sleep(50);
        }
    }

    static String cli(int port, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        line.addAll(List.of(command));
        return run(line);
    }

    private static String run(List<String> line) throws IOException, InterruptedException {
        return RedisProcesses.run(line);
    }

    @Override
    public void close() {
        RedisProcesses.stop(nodes.values(), dir);
    }
}
