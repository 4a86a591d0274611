package dev.hark.browser;

import dev.hark.app.Config;
import dev.hark.app.Hark;
import dev.hark.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web player in a real headless Chromium against the real server: subscribe to the demo
 * feed (served by Hark on loopback), play, seek, change speed, reload, navigate.
 */
@Tag("slow")
class PlayerBrowserTest {

    @TempDir
    Path data;

    @TempDir
    Path profile;

    private Hark hark;
    private WebServer web;
    private ChromeDriver browser;
    private String base;

    @BeforeEach
    void start() {
        hark = Hark.open(Config.defaults(data).withServer("127.0.0.1", 0));
        web = new WebServer(hark, "127.0.0.1").start(0);
        hark.runner.start();
        base = "http://127.0.0.1:" + web.port();
        browser = Browser.start(profile);
    }

    @AfterEach
    void stop(TestInfo test) {
        try {
            if (browser != null) {
                Browser.screenshot(browser, test.getTestMethod().map(m -> m.getName()).orElse("browser") + "-last");
                browser.quit();
            }
        } finally {
            web.close();
            hark.close();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private double audio(String property) {
        Object value = browser.executeScript("return document.getElementById('audio')." + property);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private boolean paused() {
        return (Boolean) browser.executeScript("return document.getElementById('audio').paused");
    }

    /** Runs the steps; on failure keeps a screenshot named after the step. */
    private void step(String name, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            Path shot = Browser.screenshot(browser, name);
            throw new AssertionError("Step '" + name + "' failed (screenshot: " + shot + "): " + e.getMessage(), e);
        }
    }

    private void subscribeToDemo() {
        step("subscribe", () -> {
            browser.get(base + "/");
            browser.findElement(By.cssSelector("#subscribe input[name=url]")).sendKeys(base + "/demo/feed.xml");
            browser.findElement(By.cssSelector("#subscribe button")).click();
            waitUpTo(20).until(d -> d.getCurrentUrl().contains("/podcasts/"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Break Things on Purpose");
        });
    }

    @Test
    void a_listener_subscribes_plays_seeks_changes_speed_reloads_and_keeps_listening_across_pages() {
        subscribeToDemo();

        step("open episode", () -> {
            browser.findElement(By.cssSelector(".episode .e-title")).click();
            waitUpTo(10).until(d -> d.findElements(By.cssSelector(".episode-page")).size() == 1);
            assertThat(browser.findElement(By.cssSelector(".summary h2")).getText()).isEqualTo("In this episode, we cover:");
            assertThat(browser.findElements(By.cssSelector(".links li"))).hasSize(3);
        });

        step("play", () -> {
            browser.findElement(By.cssSelector(".episode-page button[data-play]")).click();
            waitUpTo(15).until(d -> audio("currentTime") > 0.5 && !paused());
            assertThat(browser.findElement(By.id("player")).isDisplayed()).isTrue();
        });

        step("seek by timestamp", () -> {
            WebElement stamp = waitUpTo(15).until(d -> d.findElements(By.cssSelector("#transcript .seg [data-seek]")).stream()
                    .filter(e -> Double.parseDouble(e.getDomAttribute("data-seek")) > 60).findFirst().orElse(null));
            double target = Double.parseDouble(stamp.getDomAttribute("data-seek"));
            // as a listener would: scroll the line to the middle of the window, then click its time
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", stamp);
            stamp.click();
            waitUpTo(10).until(d -> Math.abs(audio("currentTime") - target) < 3);
        });

        step("change speed", () -> {
            browser.findElement(By.tagName("body")).sendKeys("+");
            browser.findElement(By.tagName("body")).sendKeys("+");
            waitUpTo(5).until(d -> Math.abs(audio("playbackRate") - 1.2) < 0.01);
            assertThat(browser.findElement(By.id("p-speed-label")).getText()).isEqualTo("1.2×");
        });

        double[] before = new double[1];
        step("pause and reload", () -> {
            browser.findElement(By.id("p-play")).click();
            waitUpTo(5).until(d -> paused());
            before[0] = audio("currentTime");
            browser.navigate().refresh();
            waitUpTo(15).until(d -> browser.findElement(By.id("player")).isDisplayed() && audio("currentTime") > 1);
            assertThat(audio("currentTime")).isCloseTo(before[0], org.assertj.core.data.Offset.offset(2.0));
            assertThat(audio("playbackRate")).isCloseTo(1.2, org.assertj.core.data.Offset.offset(0.01));
        });

        step("navigate while playing", () -> {
            browser.findElement(By.id("p-play")).click();
            waitUpTo(10).until(d -> !paused());
            double playing = audio("currentTime");
            Object marker = browser.executeScript("window.__sameDocument = 42; return window.__sameDocument;");
            browser.findElement(By.cssSelector(".top nav a[href='/history']")).click();
            waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/history"));
            waitUpTo(10).until(d -> audio("currentTime") > playing + 1);
            assertThat(paused()).isFalse();
            assertThat(browser.executeScript("return window.__sameDocument;")).isEqualTo(marker);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("History");
        });
    }

    @Test
    void the_summary_appears_when_made_and_an_answer_streams_in_with_moments_that_play() {
        subscribeToDemo();

        step("summary appears", () -> {
            browser.findElement(By.cssSelector(".episode .e-title")).click();
            // the page may open while the summary is still being made: it shows progress, then reloads
            waitUpTo(60).until(d -> d.findElements(By.cssSelector(".summary .bullets li")).size() >= 3);
            assertThat(browser.findElement(By.cssSelector(".summary .made-by")).getText())
                    .contains("without a language model");
            assertThat(browser.findElements(By.cssSelector(".mentions li"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector(".speakers .talk-time li"))).hasSize(2);
        });

        step("ask", () -> {
            WebElement question = browser.findElement(By.cssSelector("#ask input[name=question]"));
            question.sendKeys("What is Tanzu?");
            browser.findElement(By.cssSelector("#ask button[type=submit]")).click();
            waitUpTo(20).until(d -> !d.findElements(By.cssSelector("#ask .citations li")).isEmpty()
                    && d.findElement(By.cssSelector("#ask .answer-method")).getText().contains("No language model"));
            assertThat(browser.findElement(By.cssSelector("#ask .answer-text")).getText()).startsWith("Best passages")
                    .containsIgnoringCase("tanzu");
            assertThat(browser.findElements(By.cssSelector("#ask .answer-text mark"))).isNotEmpty();
        });

        step("a cited moment plays", () -> {
            WebElement moment = browser.findElement(By.cssSelector("#ask .citations li a[data-seek]"));
            double target = Double.parseDouble(moment.getDomAttribute("data-seek"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", moment);
            moment.click();
            waitUpTo(15).until(d -> !paused() && Math.abs(audio("currentTime") - target) < 3);
        });
    }

    @Test
    void a_bad_feed_address_shows_one_clear_error() {
        step("bad address", () -> {
            browser.get(base + "/");
            browser.findElement(By.cssSelector("#subscribe input[name=url]")).sendKeys(base + "/no/such/feed.xml");
            browser.findElement(By.cssSelector("#subscribe button")).click();
            waitUpTo(10).until(d -> d.findElement(By.id("subscribe-status")).getText().contains("404"));
            assertThat(browser.findElement(By.id("subscribe-status")).getText()).isEqualTo("The feed was not found (404)");
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        });
    }
}
