package org.dealreg.journeys;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One browser per journey class, and the steps every journey takes: sign in and out, follow links, type. */
abstract class BrowserJourney {

    static WebDriver browser;

    @LocalServerPort int port;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * Saves a screenshot of the page the browser shows and checks it (docs/accessibility.md): nothing lies outside the
     * window sideways, and axe-core finds no serious or critical violation (the check is skipped, saying so, where
     * axe-core is not installed, except under CI).
     */
    void look(String name) throws java.io.IOException {
        Browser.screenshot(browser, name);
        java.util.List<String> problems = new java.util.ArrayList<>(Viewport.offScreen(browser));
        if (Axe.installed()) {
            problems.addAll(Axe.seriousViolations(browser));
        }
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("what lies off-screen or breaks WCAG on " + browser.getCurrentUrl() + " (" + name + ")").isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Goes where a link points. Headless Chromium reports a click on a link near or below the bottom of its window
     * as intercepted (the queue of a full test run is hundreds of rows long); following the link is what the click
     * does.
     */
    void follow(By link) {
        browser.get(browser.findElement(link).getDomProperty("href"));
    }

    /**
     * Follows {@code link} from a paged list (docs/lists.md), pressing Next as a person would until the page that
     * shows it: the tests share one database, so the list may hold other tests' rows before this one's.
     */
    void followFromItsPage(By link) {
        for (int page = 0; browser.findElements(link).isEmpty() && page < 100; page++) {
            follow(By.linkText("Next"));
        }
        follow(link);
    }

    /**
     * Presses a button as a person would, after bringing it to the middle of the window: headless Chromium refuses
     * a click on an element under its window's bottom edge ("click intercepted"). The scroll is instant: Bootstrap
     * asks for smooth scrolling, and a click during the scroll lands on whatever passes under the pointer.
     */
    void press(By button) {
        WebElement element = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** A demo login: they all have the same password. */
    void signIn(String email) {
        signIn(email, "demo-password");
    }

    void signIn(String email, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    void signOut() {
        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/login"));
    }

    void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date input's typing order depends on the browser's locale; setting its value is what a date picker does. */
    void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), date.toString());
    }
}
