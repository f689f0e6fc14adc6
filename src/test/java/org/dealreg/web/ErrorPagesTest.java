package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.FailingPageForTests;
import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.RawHttp;
import org.dealreg.RawHttp.Answer;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error a browser can reach is the portal's own page (its layout, in the reader's language, with the status
 * that happened), sent over a plain socket with exactly the bytes that once reached Tomcat's or Boot's own pages.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {

    private static final String BROWSER = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String FRENCH = "Accept-Language: fr-FR,fr;q=0.9,en;q=0.8";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    @LocalServerPort int port;
    @Autowired TestUsers users;

    @Test
    void aNulCharacterInThePathIsThePortalsBadRequestPage() {
        assertPortalPage(http().get("/deals/%00", BROWSER, FRENCH), 400, "Demande illisible");
    }

    @Test
    void aBadPercentEscapeOrAnEncodedSlashInThePathIsThePortalsBadRequestPage() {
        assertPortalPage(http().get("/deals/%zz", BROWSER, FRENCH), 400, "Demande illisible");
        assertPortalPage(http().get("/deals/a%2Fb", BROWSER, FRENCH), 400, "Demande illisible");
    }

    @Test
    void aRawLessThanSignInTheQueryIsRefusedWithThePortalsPageWhileTheEncodedOneIsFine() {
        assertPortalPage(http().get("/login?next=<script>", BROWSER, FRENCH), 400, "Demande illisible");
        assertPortalPage(http().get("/login?next={x}", BROWSER, FRENCH), 400, "Demande illisible");
        assertThat(http().get("/login?next=%3Cscript%3E", BROWSER, FRENCH).status()).isEqualTo(200);
    }

    @Test
    void aFormBodyWithABadPercentEscapeOrInvalidUtf8IsThePortalsPageEvenForCurl() {
        assertPortalPage(http().send("POST", "/login", "email=%zz&password=x".getBytes(StandardCharsets.US_ASCII),
                FORM, BROWSER, FRENCH), 400, "Demande illisible");
        byte[] notUtf8 = {'e', 'm', 'a', 'i', 'l', '=', (byte) 0xff, (byte) 0xfe, '&', 'p', '=', 'x'};
        assertPortalPage(http().send("POST", "/login", notUtf8, FORM, BROWSER, FRENCH), 400, "Demande illisible");
        Answer curl = http().send("POST", "/login", "email=%zz".getBytes(StandardCharsets.US_ASCII), FORM,
                "Accept: */*", FRENCH);
        assertPortalPage(curl, 400, "Demande illisible");
    }

    @Test
    void aFormOverTwoMegabytesIsThePortalsPageNamingTheLimit() {
        byte[] body = ("email=" + "a".repeat(2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        Answer answer = http().send("POST", "/login", body, FORM, BROWSER, FRENCH);
        assertPortalPage(answer, 413, "Trop volumineux");
        assertThat(text(answer)).contains("2 Mo");
    }

    @Test
    void aCsvOverOneMegabyteIsThePortalsPageNamingTheFileLimit() {
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        PortalClient client = new PortalClient(port);
        client.signIn(admin.email(), TestUsers.PASSWORD);
        String importPage = client.get("/admin/accounts/import").body();
        assertThat(importPage).contains("The file may be at most 1 MB.");
        String token = csrf(importPage);
        String boundary = "----outage" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"accounts.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ncrm_id,name,country,domains,owner\r\n";
        String csv = "CRM-1,Globex,US,globex.example,sam@dealreg.example\r\n".repeat(1_500_000 / 50);
        byte[] body = (head + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        Answer answer = http().send("POST", "/admin/accounts/import", body,
                "Content-Type: multipart/form-data; boundary=" + boundary, "Cookie: SESSION=" + client.cookie("SESSION"),
                BROWSER, FRENCH);

        assertPortalPage(answer, 413, "Trop volumineux");
        assertThat(text(answer)).contains("fichier").contains("1 Mo");
    }

    @Test
    void theErrorAddressAskedForDirectlyIsAPageThatDoesNotExist() {
        assertPortalPage(http().get("/error", BROWSER, FRENCH), 404, "Introuvable");
    }

    @Test
    void aMethodThePageDoesNotTakeIsThePortalsPage() {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.signIn(partner.email(), TestUsers.PASSWORD);
        Answer answer = http().get("/deals/" + UUID.randomUUID() + "/withdraw", "Cookie: SESSION=" + client.cookie("SESSION"),
                BROWSER, FRENCH);
        assertPortalPage(answer, 405, "Impossible de cette façon");
    }

    @Test
    void aClientThatAsksForJsonFirstGetsItsErrorAsJson() {
        Answer answer = http().get("/deals/%00", "Accept: application/json", FRENCH);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.body()).contains("\"status\":400").contains("Le portail n’a pas pu lire");
    }

    @Test
    void aDefectIsThePortals500PageWithAReferenceAndIsLoggedOnceWithItsStackTrace(CapturedOutput output) {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.signIn(partner.email(), TestUsers.PASSWORD);

        Answer answer = http().get(FailingPageForTests.PATH, "Cookie: SESSION=" + client.cookie("SESSION"), BROWSER, FRENCH);

        assertPortalPage(answer, 500, "Une erreur est survenue de notre côté");
        assertThat(answer.body()).doesNotContain(FailingPageForTests.MESSAGE).doesNotContain("IllegalStateException");
        Matcher reference = Pattern.compile("sous la référence ([0-9a-f]{8})").matcher(text(answer));
        assertThat(reference.find()).as(text(answer)).isTrue();
        String log = output.getAll();
        assertThat(count(log, FailingPageForTests.PATH + " failed unexpectedly")).isEqualTo(1);
        assertThat(count(log, FailingPageForTests.MESSAGE)).as("the message, once, in the stack trace").isEqualTo(1);
        assertThat(log).containsPattern(Pattern.quote("[" + reference.group(1) + "] GET " + FailingPageForTests.PATH
                + " failed unexpectedly") + "\\s+" + Pattern.quote("java.lang.IllegalStateException: " + FailingPageForTests.MESSAGE))
                .contains("at org.dealreg.FailingPageForTests.fail(");
    }

    @Test
    void aPageThatFailsHalfWayIsCutOffRatherThanShownAsComplete(CapturedOutput output) {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.signIn(partner.email(), TestUsers.PASSWORD);

        byte[] raw = http().bytes(("GET " + FailingPageForTests.HALF_WAY + " HTTP/1.1\r\nHost: localhost\r\nCookie: SESSION="
                + client.cookie("SESSION") + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

        String answer = new String(raw, StandardCharsets.ISO_8859_1);
        assertThat(answer).startsWith("HTTP/1.1 200").contains("a first part of a long list");
        assertThat(answer).as("the last chunk that would say the page is complete").doesNotEndWith("\r\n0\r\n\r\n");
        assertThat(count(output.getAll(), FailingPageForTests.HALF_WAY + " failed unexpectedly")).isEqualTo(1);
    }

    @Test
    void refusalsThePortalExpectsAreNotLoggedAsErrors(CapturedOutput output) {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient client = new PortalClient(port);
        client.signIn(partner.email(), TestUsers.PASSWORD);
        String missing = "/deals/" + UUID.randomUUID();
        String cookie = "Cookie: SESSION=" + client.cookie("SESSION");

        assertPortalPage(http().get(missing, cookie, BROWSER, FRENCH), 404, "Introuvable");
        assertPortalPage(http().get("/admin", cookie, BROWSER, FRENCH), 403, "Accès refusé");
        assertPortalPage(http().get("/deals/%00", cookie, BROWSER, FRENCH), 400, "Demande illisible");

        assertThat(output.getAll().lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat "))).isEmpty();
    }

    private RawHttp http() {
        return new RawHttp(port);
    }

    /** The portal's own page: its layout and title, in French, with the status that happened. */
    private static void assertPortalPage(Answer answer, int status, String frenchTitle) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body())
                .contains("<html lang=\"fr\"")
                .contains("<a class=\"navbar-brand\"")
                .contains("<h1 class=\"h3\" id=\"error-title\">" + frenchTitle + "</h1>")
                .doesNotContain("Tomcat").doesNotContain("Whitelabel").doesNotContain("Exception");
    }

    private static String text(Answer answer) {
        Matcher text = Pattern.compile("id=\"error-text\"[^>]*>([^<]*)<").matcher(answer.body());
        assertThat(text.find()).as(answer.body()).isTrue();
        return text.group(1);
    }

    private static String csrf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }
}
