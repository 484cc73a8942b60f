package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Payara Micro 6 and 7 boot with the same settings: server-config/payara7's pre-boot commands are
 * Payara 6's, in the same order, less those Payara 7 no longer has. A setting added to one file
 * alone fails here.
 */
class ServerConfigTest {
    private static final Path CONFIG = Path.of("server-config");
    /** Payara 6 commands that Payara 7 refuses ("No configuration found"), with why they may go. */
    private static final List<String> NOT_ON_PAYARA_7 = List.of(
            // Payara 7 sends no X-Powered-By header at all (SecurityIT checks the answers on each)
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false");

    @Test
    void payara7BootsWithPayara6sPreBootCommandsLessTheOnesItLacks() throws IOException {
        List<String> payara6 = commands(CONFIG.resolve("payara/pre-boot-commands.asadmin"));
        List<String> payara7 = commands(CONFIG.resolve("payara7/pre-boot-commands.asadmin"));
        assertTrue(payara6.containsAll(NOT_ON_PAYARA_7), "a command listed as Payara 6's is gone from its file");
        assertEquals(payara6.stream().filter(command -> !NOT_ON_PAYARA_7.contains(command)).toList(), payara7);
    }

    private static List<String> commands(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
