package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.dealreg.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every role's home page is its dashboard, drawn in a real browser at a desktop's and a phone's width: each chart box
 * holds a canvas with pixels drawn on it (ECharts served by the portal, under the strict CSP), and the figures are
 * also in a table. Screenshots go to target/screenshots/.
 */
@IntegrationTest
class DashboardJourneyTest extends BrowserJourney {

    /** Counts the pixels drawn on a chart box's canvas (not fully transparent). */
    private static final String DRAWN_PIXELS = """
            var canvas = arguments[0].querySelector('canvas');
            if (!canvas || !canvas.width || !canvas.height) { return 0; }
            var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            var drawn = 0;
            for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) { drawn++; } }
            return drawn;""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"partner-user, bob@northwind.example", "partner-admin, alice@northwind.example",
            "channel-manager, maria@dealreg.example", "sales-rep, sam@dealreg.example",
            "programme-admin, ada@dealreg.example"})
    void theDashboardIsDrawnAtDesktopAndPhoneWidth(String role, String email) throws Exception {
        signIn(email);
        try {
            for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
                browser.manage().window().setSize(size);
                browser.get(url("/"));
                List<WebElement> boxes = browser.findElements(By.cssSelector("[data-figures] [data-chart]"));
                assertThat(boxes).as(role + ": chart boxes").isNotEmpty();
                new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> boxes.stream()
                        .allMatch(box -> box.getDomAttribute("data-drawn") != null));
                for (WebElement box : boxes) {
                    String chart = box.getDomAttribute("data-chart");
                    assertThat(box.getDomAttribute("data-drawn")).as(role + " " + chart).isEqualTo("true");
                    long pixels = ((Number) ((JavascriptExecutor) browser).executeScript(DRAWN_PIXELS, box)).longValue();
                    assertThat(pixels).as(role + " " + chart + " at " + size + ": pixels drawn").isGreaterThan(500);
                    assertThat(box.getRect().getWidth()).as(role + " " + chart + ": fits the window")
                            .isLessThanOrEqualTo(size.getWidth());
                    assertThat(browser.findElements(By.cssSelector("table[data-chart-table='" + chart + "']")))
                            .as(role + " " + chart + ": the same figures as a table").hasSize(1);
                }
                look("dashboard-" + role + "-" + (size.getWidth() > 600 ? "desktop" : "phone"));
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
            signOut();
        }
    }
}
