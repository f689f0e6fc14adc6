package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A post form without the CSRF field is answered 403 when a browser sends it. Each demo login (and a visitor who has
 * not signed in) walks the portal as a person does: from the home page, through every same-origin link, by GET only,
 * never signing out and never opening a download. Every {@code <form method="post">} on every page it reaches must
 * carry the {@code _csrf} hidden field with a token.
 */
@IntegrationTest
class PostFormsCarryCsrfTest {

    /** Enough to open every kind of page a role reaches; the demo data has hundreds of deals and partners. */
    static final int MAX_PAGES = 150;
    /** Pages of one shape (the same path once ids are set aside, the same query names) that are opened. */
    static final int PAGES_OF_ONE_SHAPE = 3;

    private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}(?=/|$)");
    private static final Pattern NUMBER_SEGMENT = Pattern.compile("/\\d+(?=/|$)");

    @LocalServerPort int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alice@northwind.example", "bob@northwind.example", "dana@northwind.example",
            "claire@fabrikam.example", "maria@dealreg.example", "sam@dealreg.example", "ada@dealreg.example",
            "a visitor who has not signed in"})
    void everyPostFormOnEveryPageTheRoleReachesCarriesTheCsrfToken(String login) {
        PortalClient client = new PortalClient(port);
        String start = "/login";
        if (login.contains("@")) {
            start = client.signIn(login, "demo-password");
            assertThat(start).as("signed in").doesNotContain("/login");
        }

        Crawl crawl = new Crawl(client);
        crawl.walkFrom(start);

        System.out.printf("CSRF crawl as %s: %d pages, %d post forms (%d kinds of page)%n", login, crawl.pages,
                crawl.postForms, crawl.shapes.size());
        assertThat(crawl.withoutToken).as("post forms without the CSRF field, as " + login).isEmpty();
        assertThat(crawl.pages).as("pages opened as " + login).isGreaterThanOrEqualTo(login.contains("@") ? 5 : 2);
        assertThat(crawl.postForms).as("post forms seen as " + login).isGreaterThanOrEqualTo(1);
    }

    /** A breadth-first walk over the links of the pages one client is shown. */
    private final class Crawl {

        final PortalClient client;
        final Set<String> seen = new HashSet<>();
        final Map<String, Integer> shapes = new HashMap<>();
        final Set<String> withoutToken = new TreeSet<>();
        int pages;
        int postForms;

        Crawl(PortalClient client) {
            this.client = client;
        }

        void walkFrom(String start) {
            Queue<String> queue = new ArrayDeque<>(List.of("/", sameOriginPath(start)));
            while (!queue.isEmpty() && pages < MAX_PAGES) {
                String path = queue.remove();
                if (!seen.add(path) || shapes.merge(shape(path), 1, Integer::sum) > PAGES_OF_ONE_SHAPE) {
                    continue;
                }
                HttpResponse<String> response = client.get(path);
                if (response.statusCode() / 100 == 3) {
                    response.headers().firstValue("Location").map(this::sameOriginPath).ifPresent(queue::add);
                    continue;
                }
                boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                if (response.statusCode() != 200 || !html) {
                    continue;
                }
                pages++;
                Document page = Jsoup.parse(response.body(), "http://localhost:" + port + path);
                checkPostForms(path, page);
                queue.addAll(links(page));
            }
        }

        private void checkPostForms(String path, Document page) {
            for (Element form : page.select("form")) {
                if (!"post".equalsIgnoreCase(form.attr("method"))) {
                    continue;
                }
                postForms++;
                Element token = form.selectFirst("input[type=hidden][name=_csrf]");
                if (token == null || token.attr("value").isBlank()) {
                    String name = form.id().isEmpty() ? form.attr("action") : "#" + form.id();
                    withoutToken.add(path + " " + (name.isEmpty() ? form.cssSelector() : name));
                }
            }
        }

        private List<String> links(Document page) {
            List<String> links = new ArrayList<>();
            for (Element link : page.select("a[href]")) {
                if (link.hasAttr("download")) {
                    continue;
                }
                String path = sameOriginPath(link.absUrl("href"));
                if (path != null && !path.startsWith("/logout")) {
                    links.add(path);
                }
            }
            return links;
        }

        /** The path and query of a URL on this portal, without its fragment; null for another site. */
        private String sameOriginPath(String url) {
            URI uri = URI.create("http://localhost:" + port + "/").resolve(url);
            if (!"localhost".equals(uri.getHost()) || uri.getPort() != port) {
                return null;
            }
            String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }

        /** The path with its ids set aside and the names of its query parameters: pages of one kind. */
        private String shape(String path) {
            int question = path.indexOf('?');
            String bare = question < 0 ? path : path.substring(0, question);
            String shape = NUMBER_SEGMENT.matcher(UUID_SEGMENT.matcher(bare).replaceAll("/{id}")).replaceAll("/{n}");
            if (question >= 0) {
                TreeSet<String> names = new TreeSet<>();
                for (String pair : path.substring(question + 1).split("&")) {
                    names.add(pair.split("=", 2)[0]);
                }
                shape += "?" + String.join("&", names);
            }
            return shape;
        }
    }
}
