package org.dealreg.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dealreg.IntegrationTest;
import org.dealreg.ListPages;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.jsoup.Jsoup;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two tabs, a double click or an integration send requests of one session at once. Every post that leaves a flash
 * message stores the same session attribute, and every page a visitor opens before signing in stores the page to
 * return to; when the session does not hold it yet, they all try to create it. None of them may fail.
 * {@code -Dposts=300} sends more posts at once, to measure.
 */
@IntegrationTest
class ConcurrentRequestsOfOneSessionTest {

    static final int POSTS = Integer.getInteger("posts", 50);
    static final int PAGES = 80;

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void concurrentPostsOfOneFreshSessionAllSucceedAndEachDoesWhatItAsked() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        PortalClient browser = new PortalClient(port);
        browser.signIn(admin.email(), TestUsers.PASSWORD);
        FormElement invite = (FormElement) Jsoup.parse(browser.get("/team").body()).getElementById("invite-form");
        String session = browser.cookie("SESSION");
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<HttpResponse<String>> answers = atOnce(POSTS, i -> {
            Map<String, String> form = fields(invite);
            form.put("displayName", "Colleague " + i);
            form.put("email", "colleague-" + i + "-" + run + "@test.example");
            return post("/team/invite", form, session);
        });

        assertThat(statuses(answers)).as("answers to %d posts of one session at once", POSTS).containsOnlyKeys(302);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/team")));
        assertThat(jdbc.queryForObject("select count(*) from app_user where partner_id = ? and email like ?",
                Integer.class, company.id(), "colleague-%-" + run + "@test.example")).isEqualTo(POSTS);

        String team = browser.get("/team").body();
        assertThat(team).as("the session goes on, and shows a flash message").contains("The invitation was sent.")
                .contains((POSTS + 1) + " users");
        // 20 a page (docs/lists.md)
        assertThat(String.join("", ListPages.everyPage(browser, "/team", (POSTS + 20) / 20, List::of)))
                .contains("Colleague 0<").contains("Colleague " + (POSTS - 1) + "<");
    }

    @Test
    void aVisitorsTabsReopenedAtOnceAllLeadToSignInAndSignInReturnsToOneOfThem() throws Exception {
        PortalClient browser = new PortalClient(port);
        browser.get("/login");
        String session = browser.cookie("SESSION");
        assertThat(session).as("the sign-in page starts a session for its CSRF token").isNotNull();

        List<HttpResponse<String>> answers = atOnce(PAGES, i -> get(i % 2 == 0 ? "/deals" : "/deals/new", session));

        assertThat(statuses(answers)).as("answers to %d pages of one session opened at once", PAGES).containsOnlyKeys(302);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login")));
        assertThat(browser.signIn("bob@northwind.example", "demo-password")).as("back to one of the pages asked for")
                .matches(".*/deals(/new)?(\\?continue)?$");
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String session) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", "SESSION=" + session).timeout(Duration.ofSeconds(180))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .header("Cookie", "SESSION=" + session).timeout(Duration.ofSeconds(180)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many answers had each status. */
    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, TreeMap::new, Collectors.counting()));
    }

    /** The fields the rendered form sends, the CSRF token among them. */
    private static Map<String, String> fields(FormElement form) {
        Map<String, String> fields = new TreeMap<>();
        form.formData().forEach(field -> fields.put(field.key(), field.value()));
        assertThat(fields).containsKey("_csrf");
        return fields;
    }

    /** Sends the requests from as many threads, released together. */
    private static List<HttpResponse<String>> atOnce(int count, Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.send(index);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            long started = System.nanoTime();
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get(240, TimeUnit.SECONDS));
            }
            System.out.printf("%d requests of one session at once: answered in %d ms, statuses %s%n", count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), statuses(answers));
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Request {
        HttpResponse<String> send(int index) throws Exception;
    }
}
