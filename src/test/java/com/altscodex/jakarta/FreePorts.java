package com.altscodex.jakarta;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port below the kernel's ephemeral range (32768 and up): a port the kernel hands
 * out as "free" may be taken a moment later by some client's outgoing connection, which a load
 * test on the same machine opens by the thousand.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static int pick() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port between 20000 and 30000");
    }
}
