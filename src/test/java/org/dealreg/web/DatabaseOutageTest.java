package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.dealreg.DealregApplication;
import org.dealreg.PortalClient;
import org.dealreg.RawHttp;
import org.dealreg.RawHttp.Answer;
import org.dealreg.TestUsers;
import org.dealreg.registration.internal.DealRegistrationTest;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The portal on a PostgreSQL of the test's own, which the test stops and starts again. While it is away, every page
 * answers within 3 s with the portal's 503 page, health says DOWN as quickly, and a partner's registration that
 * could not be stored comes back as the form with what was typed; once it is back, the portal works again without a
 * restart and the kept form, sent as it was shown, is registered.
 */
@SpringBootTest(classes = DealregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dealreg.jobs.enabled=false")
@DirtiesContext
class DatabaseOutageTest {

    private static final Duration QUICKLY = Duration.ofSeconds(3);
    private static final Path DATA = Path.of(System.getProperty("project.build.directory", "target"), "outage-test-postgres");
    private static final int DATABASE_PORT = freePort();

    private static EmbeddedPostgres postgres;

    @LocalServerPort int port;
    @Autowired TestUsers users;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
        postgres = startDatabase();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + DATABASE_PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayPagesAnswerQuicklyAndASubmissionKeepsWhatWasTyped() throws IOException {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient browser = new PortalClient(port);
        browser.signIn(partner.email(), TestUsers.PASSWORD);
        assertThat(browser.get("/deals/new").statusCode()).isEqualTo(200);
        PortalClient visitor = new PortalClient(port);
        assertThat(visitor.get("/login").statusCode()).isEqualTo(200);
        Map<String, String> typed = deal();
        RawHttp http = new RawHttp(port);
        String unstored;

        postgres.close();
        try {
            Answer signIn = quickly("GET /login", () -> http.get("/login", "Accept: text/html", "Accept-Language: fr"));
            assertThat(signIn.status()).isEqualTo(503);
            assertThat(signIn.body()).contains("id=\"error-title\">Momentanément indisponible<").contains("navbar-brand");
            assertThat(signIn.header("Retry-After")).isEqualTo("30");

            assertThat(quickly("GET /login again", () -> visitor.get("/login")).statusCode())
                    .as("a visitor whose session began before").isEqualTo(503);

            Answer health = quickly("GET /actuator/health", () -> http.get("/actuator/health", "Accept: application/json"));
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");

            assertThat(quickly("GET /css/dealreg.css", () -> browser.get("/css/dealreg.css")).statusCode())
                    .as("the 503 page's own style sheet, for a signed-in browser").isEqualTo(200);

            HttpResponse<String> list = quickly("GET /deals", () -> browser.get("/deals"));
            assertThat(list.statusCode()).isEqualTo(503);
            assertThat(list.body()).contains("id=\"error-title\">Temporarily unavailable<").doesNotContain("Exception");

            HttpResponse<String> submitted = quickly("POST /deals", () -> browser.post("/deals", typed));
            assertThat(submitted.statusCode()).isEqualTo(503);
            unstored = submitted.body();
            assertThat(unstored).contains("id=\"flash-error\">Not stored: the portal cannot reach its database")
                    .contains("id=\"deal-form\"");
            assertThat(formAsShown(unstored)).containsAllEntriesOf(typed);
        } finally {
            postgres = startDatabase();
        }

        awaitHealthUp(http);
        assertThat(browser.get("/deals").statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.post("/deals", formAsShown(unstored));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);
        String registration = again.headers().firstValue("Location").orElseThrow();
        assertThat(registration).containsPattern("/deals/[0-9a-f-]{36}$");
        assertThat(browser.get(registration.substring(registration.indexOf("/deals/"))).body())
                .contains(HtmlUtils.htmlEscape(typed.get("customerName")));
    }

    private static <T> T quickly(String what, Supplier<T> call) {
        long start = System.nanoTime();
        T answer = assertTimeoutPreemptively(Duration.ofSeconds(30), call::get, what + " hung");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("While the database is away, " + what + " answered in " + took.toMillis() + " ms");
        assertThat(took).as(what + " took " + took.toMillis() + " ms").isLessThan(QUICKLY);
        return answer;
    }

    private static void awaitHealthUp(RawHttp http) {
        await("health once the database is back").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/actuator/health", "Accept: application/json").status() == 200);
    }

    /** A valid deal with text worth keeping: what the partner must not have to type again. */
    private static Map<String, String> deal() {
        Map<String, String> deal = DealRegistrationTest.validDeal();
        deal.put("customerName", "Globex & Outage Ltd");
        deal.put("title", "Racks typed while the database was away");
        deal.put("description", "Forty racks of servers, typed once and not typed again.");
        return deal;
    }

    /** What the browser would send from the deal form as shown: its inputs, text areas and chosen options. */
    private static Map<String, String> formAsShown(String page) {
        int start = page.indexOf("id=\"deal-form\"");
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(form);
        while (input.find()) {
            String name = attribute(input.group(), "name");
            if (name != null) {
                fields.put(name, HtmlUtils.htmlUnescape(String.valueOf(attribute(input.group(), "value"))));
            }
        }
        Matcher textarea = Pattern.compile("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (textarea.find()) {
            fields.put(textarea.group(1), HtmlUtils.htmlUnescape(textarea.group(2)));
        }
        Matcher select = Pattern.compile("<select\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (select.find()) {
            Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(select.group(2));
            fields.put(select.group(1), chosen.find() ? HtmlUtils.htmlUnescape(chosen.group(1)) : "");
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(DATABASE_PORT).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test's PostgreSQL in " + DATA, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
