package driver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Free TCP ports on 127.0.0.1, as bench/java/FreePorts chooses them (all held open together
 * while choosing), and never one this run has already handed out: another process may still
 * take one before it is bound, which the benchmark notices when its server fails to start.
 */
final class Ports {
    private final Set<Integer> given = new HashSet<>();

    synchronized List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            while (ports.size() < count) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                if (given.add(socket.getLocalPort())) {
                    ports.add(socket.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new BenchFailure("no free port on 127.0.0.1: " + e.getMessage());
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        }
        return ports;
    }

    int free() {
        return free(1).get(0);
    }
}
