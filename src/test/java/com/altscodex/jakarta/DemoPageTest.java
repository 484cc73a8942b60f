package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The browser demo explains every error code in words, not just the code. */
class DemoPageTest {

    @Test
    void everyErrorCodeHasWordsOnTheDemoPage() throws IOException {
        String page = Files.readString(Path.of("src/main/webapp/index.html"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(page.contains("        " + code.name() + ": [\""), code + " has no words on index.html");
        }
    }
}
