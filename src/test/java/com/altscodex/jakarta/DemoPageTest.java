package com.altscodex.jakarta;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser pages explain every error code in words, not just the code, and hold nothing the
 * pages' Content-Security-Policy would block: no inline script or style, no handler attributes.
 */
class DemoPageTest {
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void everyErrorCodeHasWordsOnTheDemoPage() throws IOException {
        String script = Files.readString(Path.of("src/main/webapp/app.js"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(script.contains("        " + code.name() + ": [\""), code + " has no words in app.js");
        }
    }

    @Test
    void thePagesRunUnderAPolicyWithoutInlineScriptOrStyle() throws IOException {
        for (String page : List.of("src/main/webapp/index.html", "src/main/webapp/link/index.html")) {
            String html = Files.readString(Path.of(page));
            assertFalse(INLINE.matcher(html).find(), page + " holds inline script or style: " + INLINE.matcher(html).results()
                    .map(m -> m.group()).toList());
            assertTrue(html.contains("<script src="), page + " loads its script from a file");
        }
    }
}
