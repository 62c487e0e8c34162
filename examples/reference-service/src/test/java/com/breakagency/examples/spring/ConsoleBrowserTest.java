package com.breakagency.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console as an administrator uses it, in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium through their paths; nothing is downloaded): the seeded state on
 * load, a step made DEAD appearing without a reload within two seconds, Retry clearing it, Run now running the
 * janitor, a connection failing {@code invalid_grant} at the fake Google turning NEEDS_REAUTH, a failed action's
 * toast with the problem's title and correlation id, and the plain message a forbidden user sees. Screenshots
 * go to {@code target/screenshots}. Skipped with a message without Chromium; under {@code CI=true} a missing
 * or broken Chromium fails the run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {ReferenceServiceTest.DATABASE, ReferenceServiceTest.NO_WORKER})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("break.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("break.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] ADMIN = {"X-User", "admin-1", "X-Role", "ADMIN", "Accept", "application/json"};

    private static WebDriver driver;
    private static Path profile;
    private static final List<String> captured = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium (" + CHROMIUM + ") or its driver (" + CHROMEDRIVER + ") is missing; install "
                    + "Debian's chromium and chromium-driver (.ci/run does) to run the browser tests";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the browser tests to run. " + message);
            }
            System.out.println("[skipped] " + message);
            Assumptions.abort(message);
        }
        // the driver and the browser are named, so Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("break-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!captured.isEmpty()) {
            Secrets.assertNoneIn(captured);
        }
    }

    @BeforeEach
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    @AfterEach
    void keepThePage() {
        captured.add(driver.getPageSource());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void openAs(String role) {
        driver.get(base() + "/demo/login?role=" + role);
    }

    private void openTheConsoleAsAdministrator() {
        openAs("ADMIN");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "true".equals(
                d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(By.id("live"), "live"));
        // the page reads everything again once its stream is open: wait for that second read
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Integer.parseInt(
                d.findElement(By.tagName("body")).getDomAttribute("data-loads")) >= 2);
    }

    /** Waits, polling every 50 ms; the page redraws its tables on every event, so a stale element is looked up again. */
    private static WebDriverWait within(Duration duration) {
        WebDriverWait wait = new WebDriverWait(driver, duration, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Runs a script in the page: one atomic read of what it shows now. */
    private static Object inPage(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private HttpResponse<String> post(String path, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                .headers(headers).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        captured.add(response.body());
        return response;
    }

    private String connectionOf(String owner) {
        return (String) inPage("var owner = arguments[0];"
                + "var row = Array.from(document.querySelectorAll('#connections tbody tr'))"
                + ".find(function (r) { return r.cells[0].textContent === owner; });"
                + "return row ? row.dataset.connectionId : null;", owner);
    }

    private static String statusOf(String connectionId) {
        return (String) inPage("var row = document.querySelector(\"tr[data-connection-id='\" + arguments[0] + \"']\");"
                + "return row ? row.querySelector('.status').textContent + '|' + row.textContent : '';", connectionId);
    }

    @Test
    void the_page_loads_with_the_seeded_state() throws IOException {
        openTheConsoleAsAdministrator();
        assertThat(driver.findElement(By.id("status")).getText()).isIn("UP", "DEGRADED", "DOWN");
        assertThat(inPage("return document.querySelectorAll('#connections tbody tr').length;"))
                .isEqualTo((long) DemoSeed.MAILBOXES.size());
        assertThat(driver.findElements(By.cssSelector("#queue tbody tr[data-type='ENSURE_COMMISSIONS']"))).isNotEmpty();
        assertThat(Long.parseLong(driver.findElement(By.id("paid-without")).getText())).isPositive();
        assertThat((String) inPage("return document.querySelector('#connections tbody').textContent;"))
                .contains("***@agency.example");
        screenshot("console-loaded");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("console-phone");
        assertThat(inPage("return document.documentElement.scrollWidth <= window.innerWidth + 1;")).isEqualTo(true);
        driver.manage().window().setSize(new Dimension(1280, 1100));
        // keyboard: every button can take the focus
        assertThat(inPage("return document.querySelectorAll('button[tabindex=\"-1\"]').length;")).isEqualTo(0L);
        assertThat(inPage("return document.querySelectorAll('button').length;")).isNotEqualTo(0L);
    }

    @Test
    void a_step_made_dead_appears_within_two_seconds_and_retry_clears_it() throws Exception {
        openTheConsoleAsAdministrator();
        HttpResponse<String> killed = post("/demo/steps/dead", ADMIN);
        assertThat(killed.statusCode()).as(killed.body()).isEqualTo(200);
        String stepId = JSON.readTree(killed.body()).get("stepId").asString();

        By row = By.cssSelector("tr[data-step-id='" + stepId + "']");
        within(TWO_SECONDS).until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElement(By.id("status")).getText()).isIn("DEGRADED", "DOWN");
        screenshot("console-dead-step");

        within(TWO_SECONDS).until(d -> {
            d.findElement(row).findElement(By.cssSelector("button.retry")).click();
            return true;
        });
        within(TWO_SECONDS).until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(driver.findElement(By.id("toasts")).getText()).contains("Step queued again");
    }

    @Test
    void the_janitor_button_runs_it() {
        openTheConsoleAsAdministrator();
        String before = driver.findElement(By.id("janitor-last")).getDomAttribute("data-run-id");
        driver.findElement(By.id("run-janitor")).click();
        within(TWO_SECONDS).until(d -> {
            String now = d.findElement(By.id("janitor-last")).getDomAttribute("data-run-id");
            return now != null && !now.isEmpty() && !now.equals(before);
        });
        assertThat(driver.findElement(By.id("toasts")).getText()).contains("Janitor ran");
    }

    @Test
    void a_connection_failing_with_invalid_grant_turns_needs_reauth_on_the_page() throws Exception {
        openTheConsoleAsAdministrator();
        String connection = connectionOf("agent-1");
        assertThat(connection).isNotNull();
        assertThat(statusOf(connection)).startsWith("CONNECTED|");
        HttpResponse<String> deadStep = post("/demo/steps/dead", ADMIN);

        HttpResponse<String> refused = post("/demo/connections/" + connection + "/invalid-grant", ADMIN);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(problem.get("reason").asString()).isEqualTo("REFRESH_TOKEN_REVOKED");
        within(TWO_SECONDS).until(d -> statusOf(connection).startsWith("NEEDS_REAUTH|"));
        assertThat(statusOf(connection)).contains("invalid_grant");
        screenshot("console");

        assertThat(post("/demo/connections/" + connection + "/reconnect", ADMIN).statusCode()).isEqualTo(200);
        within(TWO_SECONDS).until(d -> statusOf(connection).startsWith("CONNECTED|"));
        if (deadStep.statusCode() == 200) {
            post("/break-admin/api/dead-steps/" + JSON.readTree(deadStep.body()).get("stepId").asString() + "/retry", ADMIN);
        }
    }

    @Test
    @Order(1)
    void a_failed_action_shows_a_toast_with_the_problems_title_and_correlation_id() throws Exception {
        openTheConsoleAsAdministrator();
        // the administrator's session becomes a finance user's, behind the open page's back, and the open page
        // (which would show the plain message on its next read) asks to run the janitor at once
        driver.manage().addCookie(new Cookie(DemoActors.COOKIE, "FINANCE", "/"));
        inPage("document.getElementById('run-janitor').click();");
        WebElement toast = within(TWO_SECONDS).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#toasts .toast:not(.ok)")));
        HttpResponse<String> same = post("/break-admin/api/janitor/run", "X-User", "finance-1", "X-Role", "FINANCE");
        String title = JSON.readTree(same.body()).get("title").asString();
        assertThat(toast.findElement(By.className("title")).getText()).isEqualTo(title);
        assertThat(toast.findElement(By.className("correlation")).getText())
                .matches("correlation id: [0-9a-f-]{36}");
        screenshot("console-toast");
    }

    @Test
    void a_forbidden_user_sees_a_plain_message() throws IOException {
        openAs("AGENT");
        WebElement denied = within(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("denied")));
        assertThat(denied.getText()).contains("Only administrators can see Break's console");
        assertThat(driver.findElement(By.id("console")).isDisplayed()).isFalse();
        screenshot("console-forbidden");
    }
}
