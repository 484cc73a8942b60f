import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints N free TCP ports on 127.0.0.1, space-separated. All are held open together while
 * choosing, so they are distinct; another process may still take one before we bind it, which the
 * benchmark notices when its server fails to start.
 */
public final class FreePorts {
    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<ServerSocket> held = new ArrayList<>();
        StringBuilder ports = new StringBuilder();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.append(i == 0 ? "" : " ").append(socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        System.out.println(ports);
    }
}
