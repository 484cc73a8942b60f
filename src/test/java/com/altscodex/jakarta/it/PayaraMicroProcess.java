package com.altscodex.jakarta.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Payara Micro: {@code java -jar payara-micro.jar --deploy the.war}, clustering off. */
public final class PayaraMicroProcess extends ServerProcess {

    private PayaraMicroProcess(Process process, Path log, int port) {
        super(process, log, port);
    }

    public static PayaraMicroProcess start(String name, int port, Map<String, String> altscodexEnv)
            throws IOException, InterruptedException {
        Path log = workDir(name).resolve("server.log");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.phone.home.enabled=false",
                "-jar", System.getProperty("it.payara.jar"),
                "--nocluster", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("it.server.config") + "/payara/pre-boot-commands.asadmin",
                "--port", String.valueOf(port), "--contextroot", "/",
                "--deploy", System.getProperty("it.war"));
        PayaraMicroProcess payara = new PayaraMicroProcess(launch(command, log, altscodexEnv, Map.of()), log, port);
        // Payara Micro prints "ready in" whether the application deployed or was refused
        payara.awaitUp("Payara Micro", text -> text.contains(" ready in "));
        return payara;
    }
}
