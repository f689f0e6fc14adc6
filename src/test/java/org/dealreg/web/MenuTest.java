package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The menu each role sees, as the page renders it: worked out once per page from the role (web.internal.Menu) rather
 * than by a security expression per item. Each role sees its own entries and none of another's.
 */
@IntegrationTest
class MenuTest {

    /** A destination of the menu: a link of the bar or of one of its drop-down menus (a menu's toggle is none). */
    private static final Pattern LINK = Pattern.compile("<a class=\"(?:nav-link|dropdown-item)\" href=\"([^\"?]+)\"");

    @LocalServerPort int port;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "alice@northwind.example; Alice Walker; /deals /deals/new /partner/profile /team /integrations /notifications /mailbox",
            "bob@northwind.example; ; /deals /deals/new /notifications /mailbox",
            "maria@dealreg.example; ; /review /review/extensions /partners /partners/applications /reports/trust /accounts /notifications /mailbox",
            "sam@dealreg.example; ; /accounts /credits /notifications /mailbox",
            "ada@dealreg.example; ; /review/extensions /partners /partners/applications /reports/trust /accounts /admin /integrations /notifications /mailbox"})
    void eachRoleSeesItsOwnMenu(String login, String name, String expected) {
        PortalClient client = new PortalClient(port);
        client.signIn(login, "demo-password");
        String page = client.get("/notifications").body();
        String nav = page.substring(page.indexOf("id=\"main-nav\""), page.indexOf("</nav>"));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(nav);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).containsExactly(expected.split(" "));
        assertThat(nav).contains("id=\"sign-out\"");
        if (name != null) {
            assertThat(nav).contains(">" + name + "</span>");
            assertThat(page).contains(name);
        }
    }

    @ParameterizedTest
    @CsvSource({"/login", "/apply"})
    void aVisitorSeesNoMenuOfARole(String path) {
        String page = new PortalClient(port).get(path).body();
        String nav = page.substring(page.indexOf("id=\"main-nav\""), page.indexOf("</nav>"));
        assertThat(nav).doesNotContain("nav-link\" href=\"/deals").doesNotContain("/review").doesNotContain("/admin")
                .doesNotContain("sign-out").doesNotContain("/notifications");
    }
}
