package com.altscodex.jakarta.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Payara Micro: {@code java -jar payara-micro.jar --deploy the.war}, clustering off; 6 or 7 as
 * {@link ServerProcess#kind()} says ({@code it.payara.jar} is that one's jar).
 */
public final class PayaraMicroProcess extends ServerProcess {

    private PayaraMicroProcess(Process process, Path log, int port) {
        super(process, log, port);
    }

    public static PayaraMicroProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path work = workDir(name).toAbsolutePath();
        Path log = work.resolve("server.log");
        PayaraMicroProcess payara = new PayaraMicroProcess(launch(kind(), port, work, log, altscodexEnv,
                Map.of("PAYARA_JAR", System.getProperty("it.payara.jar"))), log, port);
        // Payara Micro prints "ready in" whether the application deployed or was refused
        payara.awaitUp("Payara Micro", text -> text.contains(" ready in "));
        return payara;
    }
}
