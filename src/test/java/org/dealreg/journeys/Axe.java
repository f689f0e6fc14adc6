package org.dealreg.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, Deque's accessibility engine, injected into the page the browser shows and run on it
 * (docs/accessibility.md). The library is a kept npm package, pinned in {@code src/test/axe/package.json} and its
 * lock file, installed by {@code .ci/run}. Without it a developer's {@code ./mvnw verify} still passes, the check
 * skipped and saying what to install; under CI ({@code CI=true}) a missing axe-core is a failure.
 */
final class Axe {

    static final Path SCRIPT = Path.of("src/test/axe/node_modules/axe-core/axe.min.js");
    static final String INSTALL = "npm ci --prefix src/test/axe (.ci/run does it)";

    /**
     * Runs axe's default rules (WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices) and answers the serious and
     * critical violations, each rule with the elements it found, readably.
     */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (results) {
              done(results.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.helpUrl + ')' + v.nodes.slice(0, 5).map(function (n) {
                    return '\\n      ' + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ');
                  }).join('') + (v.nodes.length > 5 ? '\\n      … and ' + (v.nodes.length - 5) + ' more' : '');
                }));
            }, function (error) { done(['axe-core could not run: ' + error]); });
            """;

    private static String source;
    private static boolean told;

    private Axe() {
    }

    /**
     * Whether axe-core is installed. Under CI its absence is a failure; elsewhere it is said once, and the callers
     * skip the check.
     */
    static synchronized boolean installed() {
        if (Files.isReadable(SCRIPT)) {
            return true;
        }
        String missing = "The accessibility checks need axe-core: " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing + ". CI=true: the check may not be skipped.");
        }
        if (!told) {
            System.err.println(missing + ". Skipped: pages are not checked with axe-core.");
            told = true;
        }
        return false;
    }

    /** The serious and critical violations on the page the browser shows: empty when there are none. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) js.executeAsyncScript(RUN);
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
