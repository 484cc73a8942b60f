package com.altscodex.jakarta.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, driven through Debian's chromedriver. Both paths are given to Selenium, so
 * its Selenium Manager never runs: it would try to download a browser, which cannot work here.
 */
final class HeadlessChromium {
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";
    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Fails, never skips, when the browser is missing: a browser test that passes unrun proves nothing. */
    static void requireInstalled() {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                fail(binary + " is missing, and the browser test needs it. Install Debian's chromium and"
                        + " chromedriver (as root: " + INSTALL + "), or leave the browser test out"
                        + " knowingly with mvn verify -Dit.browser=skip.");
            }
        }
    }

    /** A fresh headless browser with a profile of its own under {@code workDir}. */
    static ChromeDriver start(Path workDir) throws IOException {
        Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root chromium needs --no-sandbox; the rest keeps it from calling any address but ours
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1000,760", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the current window shows as {@code target/screenshots/<name>.png}. */
    static Path screenshot(ChromeDriver browser, String name) throws IOException {
        Path directory = Files.createDirectories(Path.of(System.getProperty("it.screenshots", "target/screenshots")));
        Path file = directory.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
