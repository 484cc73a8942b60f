package com.altscodex.jakarta.it;

import static com.altscodex.jakarta.dev.MockDeOAuthServer.AUTHORIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.altscodex.jakarta.dev.RecordedRequest;
import com.altscodex.jakarta.testkit.MockDeOAuthExtension;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchWindowException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in a real headless Chromium, against the built WAR on the server under test and the mock's
 * platform login page: a person clicks "Log in with AltsCodex", logs in in the popup, and sees
 * the slot, or the failure in words. The screenshots land in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisabledIfSystemProperty(named = "it.browser", matches = "skip", disabledReason = "left out with -Dit.browser=skip")
class BrowserLoginIT {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    static final MockDeOAuthExtension DEOAUTH = ItEnvironment.deoauth();

    private static ChromeDriver browser;

    @Deployment(testable = false)
    static WebArchive war() {
        return ItEnvironment.builtWar();
    }

    @BeforeAll
    static void openBrowser() throws Exception {
        HeadlessChromium.requireInstalled();
        browser = HeadlessChromium.start(Path.of(System.getProperty("it.work.dir", "target/it")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonLogsInAndSeesTheirSlot() throws Exception {
        String demo = openDemoAndClickLogin();
        logInOnThePlatformPage("alice", "success", "platform-login");
        browser.switchTo().window(demo);

        WebElement slot = waitUntilVisible("slot");
        assertTrue(slot.getText().contains("You are logged in"), slot.getText());
        assertEquals("alice", browser.findElement(By.id("slot-nickname")).getText());
        assertTrue(browser.findElement(By.id("slot-id")).getText().startsWith("slot-"));
        assertTrue(browser.findElement(By.id("slot-address")).getText().matches("0x[0-9a-f]{40}"));
        assertEquals("Logged in.", browser.findElement(By.id("status")).getText());
        assertTrue(!browser.findElement(By.id("origin-warning")).isDisplayed(), "opened at the registered address");
        HeadlessChromium.screenshot(browser, "logged-in");
        assertEquals(1, browser.getWindowHandles().size(), "the login window closes itself");

        // the session cookie alone says who is calling, in this page and after a reload
        waitUntilVisible("me");
        assertEquals(browser.findElement(By.id("slot-id")).getText(), browser.findElement(By.id("me-id")).getText());
        assertEquals("alice", browser.findElement(By.id("me-nickname")).getText());
        browser.navigate().refresh();
        waitUntilVisible("me");
        assertTrue(browser.findElement(By.id("me-id")).getText().startsWith("slot-"), "who am I after a reload");
        HeadlessChromium.screenshot(browser, "who-am-i");

        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(By.id("status"), "Logged out."));
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("me")));
        browser.navigate().refresh();
        waitUntilVisible("login");
        Object status = browser.executeAsyncScript(
                "var done = arguments[0]; fetch('api/me').then(function (r) { done(r.status); });");
        assertEquals(401L, status, "the browser holds no session after logout");
        assertTrue(!browser.findElement(By.id("me")).isDisplayed(), "anonymous again after logout");
        HeadlessChromium.screenshot(browser, "logged-out");
    }

    @Test
    void anExpiredLoginIsExplainedInWords() throws Exception {
        String demo = openDemoAndClickLogin();
        logInOnThePlatformPage("bob", "expired", null);
        browser.switchTo().window(demo);

        WebElement failure = waitUntilVisible("failure");
        assertEquals("Your login has expired", browser.findElement(By.id("failure-title")).getText());
        assertTrue(failure.getText().contains("Log in again"), failure.getText());
        assertTrue(failure.getText().contains("EXPIRED_TOKEN"), failure.getText());
        assertTrue(!browser.findElement(By.id("slot")).isDisplayed());
        HeadlessChromium.screenshot(browser, "expired");
    }

    @Test
    void aTimedOutLoginSaysSo() throws Exception {
        String demo = openDemoAndClickLogin();
        logInOnThePlatformPage("dan", "timeout", null);
        browser.switchTo().window(demo);

        waitUntilVisible("failure");
        assertEquals("The login timed out", browser.findElement(By.id("failure-title")).getText());
        assertTrue(browser.findElement(By.id("failure-text")).getText().contains("in time"));
        // Chromium resends a POST answered 408; the server answers the resend at once, without a new login
        assertEquals(1, DEOAUTH.server().requests(AUTHORIZE).size(), "one click, one authorize");
    }

    @Test
    void aMessageFromAnotherWindowDoesNotLogIn() throws Exception {
        String demo = openDemoAndClickLogin();
        // a forged login, posted while the real login window is open, from a window that is not it
        browser.executeScript("window.postMessage({from: 'altscodex', jwt: 'test-jwt-mallory'}, '*');");
        logInOnThePlatformPage("carol", "success", null);
        browser.switchTo().window(demo);

        waitUntilVisible("slot");
        assertEquals("carol", browser.findElement(By.id("slot-nickname")).getText());
        List<RecordedRequest> authorizations = DEOAUTH.server().requests(AUTHORIZE);
        assertEquals(1, authorizations.size(), "only the platform window's JWT is sent");
        assertTrue(authorizations.get(0).header("Authorization").endsWith("-carol"));
    }

    @Test
    void openedUnderAnotherNameThePageSaysWhereToLogIn() {
        // the server is registered as 127.0.0.1 (ALTSCODEX_REDIRECT_URI); the login is handed only there
        browser.get(ItEnvironment.BASE.replace("127.0.0.1", "localhost") + "/");
        WebElement warning = waitUntilVisible("origin-warning");
        assertTrue(warning.getText().contains("Open " + ItEnvironment.BASE + "/ to log in"), warning.getText());
    }

    @Test
    void aLoginLinkLogsInInAnyBrowserAndThePollerGetsTheSlot() throws Exception {
        JsonObject link = LinkCalls.issue(ItEnvironment.BASE, "kakao:user-77").json();
        String page = openAndClickLogin(link.getString("url"));
        logInOnThePlatformPage("nina", "success", null);
        browser.switchTo().window(page);

        WebElement done = waitUntilVisible("done");
        assertTrue(done.getText().contains("You're logged in — go back to the chat or the game"), done.getText());
        HeadlessChromium.screenshot(browser, "link-logged-in");
        JsonObject outcome = LinkCalls.poll(link.getString("poll_url"), "PT10S").json();
        assertEquals("succeeded", outcome.getString("status"), outcome.toString());
        assertEquals("nina", outcome.getJsonObject("slot").getString("token_nickname"));

        browser.navigate().refresh();
        WebElement used = waitUntilVisible("problem");
        assertTrue(used.getText().contains("used already"), "a second use says so: " + used.getText());
    }

    @Test
    void theUserCodeTypedAtLinkLeadsToTheSameLogin() throws Exception {
        JsonObject link = LinkCalls.issue(ItEnvironment.BASE, "tv:living-room").json();
        browser.get(ItEnvironment.BASE + "/link");
        WebElement code = waitUntilVisible("code");
        code.sendKeys(link.getString("user_code").toLowerCase());
        HeadlessChromium.screenshot(browser, "link-code");
        browser.findElement(By.id("code-go")).click();
        // the code page goes on to the link's own page, which has a login button too: looked for
        // before the new page is there, the old page's button vanished under Chrome's check of it
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.urlContains("/api/link/"));
        String page = clickLoginOn(waitUntilVisible("login"));
        logInOnThePlatformPage("omar", "success", null);
        browser.switchTo().window(page);

        waitUntilVisible("done");
        assertEquals("succeeded", LinkCalls.poll(link.getString("poll_url"), "PT10S").json().getString("status"));
    }

    @Test
    void aFormOnAnotherSiteCannotLogTheBrowserInAsTheAttacker() throws Exception {
        browser.get(ItEnvironment.BASE + "/");
        browser.manage().deleteAllCookies();
        // the attacker's site: another origin (localhost is not 127.0.0.1), whose page posts its own
        // JWT to our login as soon as the victim opens it, once as a form and once as text/plain JSON
        String form = "<form method='post' action='" + ItEnvironment.BASE + "/api/login'>"
                + "<input name='jwt' value='test-jwt-mallory'></form>";
        String plain = "<form method='post' enctype='text/plain' action='" + ItEnvironment.BASE + "/api/login'>"
                + "<input name='{\"jwt\":\"test-jwt-mallory\",\"x\":\"' value='\"}'></form>";
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        for (var page : List.of(List.of("/form", form), List.of("/plain", plain))) {
            attacker.createContext(page.get(0), exchange -> {
                byte[] html = ("<!doctype html><html><body>" + page.get(1)
                        + "<script>document.forms[0].submit()</script></body></html>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
                exchange.close();
            });
        }
        attacker.start();
        try {
            for (String page : List.of("/form", "/plain")) {
                browser.get("http://localhost:" + attacker.getAddress().getPort() + page);
                new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.urlContains("/api/login"));
                new WebDriverWait(browser, PATIENCE).until(driver -> driver.getPageSource().contains("CROSS_SITE_REQUEST"));
                HeadlessChromium.screenshot(browser, "cross-site-login-refused" + page.replace('/', '-'));
            }
        } finally {
            attacker.stop(0);
        }
        browser.get(ItEnvironment.BASE + "/");
        waitUntilVisible("login");
        Object status = browser.executeAsyncScript(
                "var done = arguments[0]; fetch('api/me').then(function (r) { done(r.status); });");
        assertEquals(401L, status, "the browser is logged in as nobody");
        assertTrue(browser.manage().getCookies().isEmpty(), "no session cookie: " + browser.manage().getCookies());
        assertTrue(DEOAUTH.server().requests(AUTHORIZE).isEmpty(), "the attacker's JWT went nowhere");
    }

    /** Opens the demo, clicks the button, and switches to the login window; returns the demo's handle. */
    private String openDemoAndClickLogin() {
        return openAndClickLogin(ItEnvironment.BASE + "/");
    }

    /** Opens a page with a login button, clicks it, and switches to the login window; returns the page's handle. */
    private String openAndClickLogin(String url) {
        browser.get(url);
        return clickLoginOn(waitUntilVisible("login"));
    }

    private String clickLoginOn(WebElement button) {
        String demo = browser.getWindowHandle();
        button.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.getWindowHandles().stream().filter(handle -> !handle.equals(demo))
                .findFirst().orElseThrow();
        browser.switchTo().window(popup);
        return demo;
    }

    /** Fills the mock platform's form; a screenshot of it when {@code screenshot} names one. */
    private void logInOnThePlatformPage(String name, String behaviour, String screenshot) throws Exception {
        WebElement nameField = waitUntilVisible("name");
        nameField.clear();
        nameField.sendKeys(name);
        new Select(browser.findElement(By.id("behaviour"))).selectByValue(behaviour);
        if (screenshot != null) {
            HeadlessChromium.screenshot(browser, screenshot);
        }
        try {
            browser.findElement(By.id("login")).click();
        } catch (NoSuchWindowException closedAsItShould) {
            // the page hands the JWT over and closes its window, maybe before the click returns
        }
    }

    private WebElement waitUntilVisible(String id) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }
}
