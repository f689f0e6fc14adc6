package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.PortalCrawl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every kind of page each role reaches, at a laptop's width (1366 px) and a phone's (390 px), in Chromium
 * (docs/accessibility.md): no action and no list column lies outside the window, and axe-core finds no serious or
 * critical violation. The pages are found as a person finds them: a crawl from the home page through every link
 * ({@link PortalCrawl}), one page of each kind (a registration, a partner's profile, the extension queue, an
 * application…). Each page at each width is saved in {@code target/screenshots/pages/<who>/<width>/}.
 */
@IntegrationTest
class EveryPageFitsJourneyTest extends BrowserJourney {

    static final List<Dimension> WIDTHS = List.of(new Dimension(1366, 900), new Dimension(390, 844));
    /** Enough for every kind of page of the busiest role (the programme admin's), with room. */
    static final int MAX_PAGES = 150;
    /**
     * The kinds of page axe-core has checked, in a language at a width: each once, whichever role saw it first (axe
     * takes most of a page's time; the layout is checked for every role).
     */
    static final Set<String> AXE_CHECKED = ConcurrentHashMap.newKeySet();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice@northwind.example", "bob@northwind.example", "claire@fabrikam.example",
            "maria@dealreg.example", "sam@dealreg.example", "ada@dealreg.example", "a visitor who has not signed in"})
    void everyPageTheRoleReachesKeepsItsActionsAndColumnsOnScreenAndPassesAxe(String login) throws Exception {
        aCompanyApplies();
        PortalClient client = new PortalClient(port);
        boolean signedIn = login.contains("@");
        String start = signedIn ? client.signIn(login, "demo-password") : "/login";
        Map<String, String> pages = new LinkedHashMap<>();
        new PortalCrawl(client, port, 1, MAX_PAGES).walkFrom(start, (path, page) -> {
            // the portal's own pages, in its one layout: Swagger UI's API reference is another project's page
            if (page.getElementById("skip-link") != null) {
                pages.putIfAbsent(kind(path), path);
            }
        });

        boolean axe = Axe.installed();
        String who = signedIn ? login.substring(0, login.indexOf('@')) : "visitor";
        List<String> problems = new ArrayList<>();
        try {
            if (signedIn) {
                signIn(login);
            }
            for (Dimension size : WIDTHS) {
                browser.manage().window().setSize(size);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.get(url(page.getValue()));
                    String where = size.getWidth() + " px " + page.getValue() + ": ";
                    Viewport.offScreen(browser).forEach(problem -> problems.add(where + problem));
                    Browser.screenshot(browser, "pages/" + who + "/" + size.getWidth() + "/" + fileName(page.getKey()));
                    String language = (String) ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.lang;");
                    if (axe && AXE_CHECKED.add(page.getKey() + " " + language + " " + size.getWidth())) {
                        Axe.seriousViolations(browser).forEach(violation -> problems.add(where + violation));
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
            browser.manage().deleteAllCookies();
        }
        System.out.printf("Pages checked as %s: %d kinds of page at %d widths: %s%n", login, pages.size(),
                WIDTHS.size(), pages.keySet());
        assertThat(problems).as("what lies off-screen or breaks WCAG on the pages of " + login).isEmpty();
        assertThat(pages).as("kinds of page reached as " + login).hasSizeGreaterThanOrEqualTo(signedIn ? 5 : 3);
        Assumptions.assumeTrue(axe, "Layout checked; accessibility not: axe-core is not installed (" + Axe.INSTALL + ")");
    }

    private static boolean applied;

    /** A company's application waits, so the staff reach an application's page (the demo has none waiting). */
    private synchronized void aCompanyApplies() {
        if (applied) {
            return;
        }
        applied = true;
        PortalClient visitor = new PortalClient(port);
        visitor.get("/apply");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("legalName", "Wide World Importers " + suffix);
        form.put("country", "US");
        form.put("contactName", "Ana Trujillo");
        form.put("contactEmail", "ana-" + suffix + "@wideworld.example");
        form.put("contactPhone", "+1 555 0100");
        form.put("website", "https://wideworld-" + suffix + ".example");
        form.put("message", "We resell data-centre networks on the East Coast.");
        assertThat(visitor.post("/apply", form).statusCode()).as("the application is received").isEqualTo(302);
    }

    /**
     * The kind of page: its path with ids and codes (a region's, a specialisation's) set aside, without the query (a
     * filtered or sorted list is the same page).
     */
    private static String kind(String path) {
        String shape = PortalCrawl.shape(path);
        int question = shape.indexOf('?');
        return (question < 0 ? shape : shape.substring(0, question)).replaceAll("/[A-Z][A-Z_]+(?=/|$)", "/{code}");
    }

    private static String fileName(String kind) {
        String name = kind.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9-]+", "_").replaceAll("^_|_$", "");
        return name.isEmpty() ? "home" : name;
    }
}
