package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.PortalCrawl;
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

        PortalCrawl crawl = new PortalCrawl(client, port, PAGES_OF_ONE_SHAPE, MAX_PAGES);
        Set<String> withoutToken = new TreeSet<>();
        int[] postForms = {0};
        crawl.walkFrom(start, (path, page) -> postForms[0] += checkPostForms(path, page, withoutToken));

        System.out.printf("CSRF crawl as %s: %d pages, %d post forms (%d kinds of page)%n", login, crawl.pages(),
                postForms[0], crawl.shapes());
        assertThat(withoutToken).as("post forms without the CSRF field, as " + login).isEmpty();
        assertThat(crawl.pages()).as("pages opened as " + login).isGreaterThanOrEqualTo(login.contains("@") ? 5 : 2);
        assertThat(postForms[0]).as("post forms seen as " + login).isGreaterThanOrEqualTo(1);
    }

    /** Counts the page's post forms and adds those without a CSRF token to {@code withoutToken}. */
    private static int checkPostForms(String path, Document page, Set<String> withoutToken) {
        int postForms = 0;
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
        return postForms;
    }
}
