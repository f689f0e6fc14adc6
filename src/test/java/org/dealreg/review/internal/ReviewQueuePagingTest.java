package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.StatementCounter;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.registration.ExtensionReview;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The managers' queue pages: 50 rows due first, the rest on the next pages, the counts over every row the filters
 * keep, the filters kept in the links, and a page costs the same few SQL statements however many are pending. Each
 * test has a region of its own: the other tests keep adding pending registrations to the shared database.
 */
@IntegrationTest
class ReviewQueuePagingTest {

    private static final Pattern ROW = Pattern.compile("<tr data-id=\"([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview review;
    @Autowired ExtensionReview extensions;
    @LocalServerPort int port;

    @Test
    void theQueueShowsFiftyDueFirstThenTheRestWithCountsOverTheWholeFilteredSetAndTheFiltersInItsLinks()
            throws Exception {
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(users.newPartner(region));
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        List<UUID> dueFirst = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            dueFirst.add(submitted(mvc, partner, validDeal()));
        }
        OffsetDateTime now = jdbc.queryForObject("select now()", OffsetDateTime.class);
        for (int i = 0; i < 55; i++) {
            // 3 overdue, 4 past their reminder point, 48 on time, the order of the list
            OffsetDateTime due = now.plus(i < 3 ? Duration.ofHours(i - 3) : Duration.ofHours(i));
            OffsetDateTime remind = i < 7 ? now.minusHours(10 - i) : due.minusMinutes(30);
            jdbc.update("update registration set decision_due_at = ?, remind_at = ? where id = ?", due, remind,
                    dueFirst.get(i));
        }
        jdbc.update("update registration set verdict = 'REVIEW' where id in (?, ?)", dueFirst.get(5),
                dueFirst.get(52));

        String first = page("/review?region=" + region, manager);
        assertThat(rows(first)).as("the 50 due first, in order").isEqualTo(dueFirst.subList(0, 50));
        assertThat(first).contains("55 pending").contains("48 on time").contains("4 due soon").contains("3 overdue")
                .contains("Page 1 of 2").contains("href=\"/review?region=" + region + "&amp;page=1\"");

        String second = page("/review?region=" + region + "&page=1", manager);
        assertThat(rows(second)).isEqualTo(dueFirst.subList(50, 55));
        assertThat(second).as("the counts are the whole set's, not the page's").contains("55 pending")
                .contains("48 on time").contains("4 due soon").contains("3 overdue").contains("Page 2 of 2")
                .contains("href=\"/review?region=" + region + "&amp;page=0\"");

        for (String pastTheEnd : List.of("7", "2147483647", "99999999999999999999")) {
            assertThat(rows(page("/review?region=" + region + "&page=" + pastTheEnd, manager)))
                    .as("past the end: the last page").isEqualTo(dueFirst.subList(50, 55));
        }
        for (String malformed : List.of("abc", "-1", "1.5", "")) {
            assertThat(rows(page("/review?region=" + region + "&page=" + malformed, manager))).as(malformed)
                    .isEqualTo(dueFirst.subList(0, 50));
        }

        String review = page("/review?region=" + region + "&verdict=REVIEW", manager);
        assertThat(rows(review)).containsExactly(dueFirst.get(5), dueFirst.get(52));
        assertThat(review).contains("2 pending").contains("1 on time").contains("1 due soon").contains("0 overdue")
                .doesNotContain("Page 1 of");
        assertThat(rows(page("/review?region=" + region + "&verdict=REVIEW&page=1", manager))).as("one page only")
                .containsExactly(dueFirst.get(5), dueFirst.get(52));
    }

    @Test
    void theQueueReadsInFrench() throws Exception {
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(users.newPartner(region));
        for (int i = 0; i < 51; i++) {
            submitted(mvc, partner, validDeal());
        }
        MockHttpServletResponse response = mvc.perform(get("/review?region=" + region).header("Accept-Language", "fr")
                .with(user(users.newUser(Role.CHANNEL_MANAGER, null)))).andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("51 en attente").contains("Page 1 sur 2")
                .contains("Suivant").contains("Précédent");
    }

    @Test
    void aQueuePageCostsTheSameFewStatementsHoweverManyArePending() throws Exception {
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(users.newPartner(region));
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(manager.email(), TestUsers.PASSWORD)).endsWith("/");
        submitted(mvc, partner, validDeal());
        statements(browser, "/review?region=" + region);
        List<String> one = statements(browser, "/review?region=" + region);

        for (int i = 0; i < 60; i++) {
            submitted(mvc, partner, validDeal());
        }
        List<String> sixtyOne = statements(browser, "/review?region=" + region);
        List<String> secondPage = statements(browser, "/review?region=" + region + "&verdict=CLEAR&page=1");
        List<String> everyRegion = statements(browser, "/review");

        System.out.printf("Queue page statements: 1 pending %d, 61 pending %d, page 2 %d, every region %d%n  %s%n",
                one.size(), sixtyOne.size(), secondPage.size(), everyRegion.size(), String.join("\n  ", sixtyOne));
        assertThat(sixtyOne).as("no statement per row").hasSameSizeAs(one);
        assertThat(secondPage).hasSameSizeAs(one);
        assertThat(sixtyOne.size()).as("the target: 12 statements a page, session included").isLessThanOrEqualTo(12);
        assertThat(everyRegion.size()).isLessThanOrEqualTo(12);
    }

    @Test
    void theExtensionQueuePagesFiftyEndingFirstWithItsCount() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        List<String> endingFirst = new ArrayList<>();
        List<UUID> asked = new ArrayList<>();
        try {
            for (int i = 0; i < 51; i++) {
                UUID id = submitted(mvc, partner, validDeal());
                asked.add(id);
                review.approve(id, version(id), manager.id());
                mvc.perform(post("/deals/{id}/extension", id).param("version", String.valueOf(version(id)))
                        .param("reason", "The board meets next month.").with(csrf()).with(user(partner)));
                // before every other test's: theirs end months from now
                jdbc.update("update registration set protection_ends_at = now() - interval '10 years' + ? * interval '1 second' "
                        + "where id = ?", i, id);
                endingFirst.add(jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id));
            }
            long waiting = jdbc.queryForObject("""
                    select count(*) from extension_request e join registration r on r.id = e.registration_id
                     where e.status = 'PENDING' and r.status = 'APPROVED'""", Long.class);
            long pages = (waiting + 49) / 50;

            String first = page("/review/extensions", manager);
            assertThat(receipts(first)).isEqualTo(endingFirst.subList(0, 50));
            assertThat(first).contains(waiting + " waiting").contains("Page 1 of " + pages)
                    .contains("href=\"/review/extensions?page=1\"");
            assertThat(receipts(page("/review/extensions?page=1", manager))).startsWith(endingFirst.get(50));
            assertThat(page("/review/extensions?page=99999", manager)).as("past the end: the last page")
                    .contains("Page " + pages + " of " + pages);
            assertThat(receipts(page("/review/extensions?page=x", manager))).isEqualTo(endingFirst.subList(0, 50));
        } finally {
            // answered, so that they leave the shared queue to the other tests' requests
            for (UUID id : asked) {
                jdbc.update("update registration set protection_ends_at = now() + interval '60 days' where id = ?", id);
                for (UUID request : jdbc.queryForList(
                        "select id from extension_request where registration_id = ? and status = 'PENDING'", UUID.class, id)) {
                    extensions.decline(id, request, manager.id(), "Tested.");
                }
            }
        }
    }

    /**
     * The statements one page costs, signed in, session included: those sent on the server's request threads (the
     * mail outbox, woken by the submissions, sends its own on the task executor's meanwhile).
     */
    @Test
    void aSearchFindsPendingRegistrationsByPartnerNameOrReceiptSortsByAmountAndKeepsBothInTheLinks() throws Exception {
        String region = users.newRegion();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var alpha = users.newPartner(region);
        var beta = users.newPartner(region);
        jdbc.update("update partner set legal_name = ? where id = ?", "Queueco " + tag + " Alpha", alpha.id());
        CurrentUser alphaUser = users.newPartnerUser(alpha);
        CurrentUser betaUser = users.newPartnerUser(beta);
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        List<UUID> smallestFirst = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            UUID id = submitted(mvc, alphaUser, validDeal());
            jdbc.update("update registration set amount_usd = ? where id = ?", 20_000 + i, id);
            smallestFirst.add(id);
        }
        UUID betas = submitted(mvc, betaUser, validDeal());
        String betaReceipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class,
                betas);
        List<UUID> largestFirst = new ArrayList<>(smallestFirst);
        java.util.Collections.reverse(largestFirst);

        String typed = "QUEUECO " + tag;
        String query = "QUEUECO%20" + tag;
        String byAmount = page("/review?region=" + region + "&q=" + typed + "&sort=amount", manager);
        assertThat(rows(byAmount)).as("the partner named, any case; largest first").isEqualTo(largestFirst.subList(0, 50))
                .doesNotContain(betas);
        assertThat(byAmount).contains("51 pending").contains("Page 1 of 2").contains("aria-sort=\"descending\"")
                .contains("href=\"/review?region=" + region + "&amp;q=" + query + "&amp;sort=amount&amp;dir=desc&amp;page=1\"")
                .contains("href=\"/review?region=" + region + "&amp;q=" + query + "&amp;sort=amount&amp;dir=asc\"")
                .as("the export follows the page")
                .contains("href=\"/review/export?format=csv&amp;region=" + region + "&amp;q=" + query + "&amp;sort=amount&amp;dir=desc\"")
                .contains("name=\"q\" value=\"QUEUECO " + tag + "\"");
        assertThat(rows(page("/review?region=" + region + "&q=" + typed + "&sort=amount&dir=desc&page=1", manager)))
                .containsExactly(smallestFirst.get(0));
        assertThat(rows(page("/review?region=" + region + "&q=" + typed + "&sort=amount&dir=asc", manager)).get(0))
                .isEqualTo(smallestFirst.get(0));

        String byReceipt = page("/review?q=" + betaReceipt.toLowerCase(java.util.Locale.ROOT), manager);
        assertThat(rows(byReceipt)).containsExactly(betas);
        assertThat(byReceipt).contains(">1 pending<");

        MockHttpServletResponse csv = mvc.perform(get("/review/export").param("format", "csv").param("region", region)
                .param("q", "queueco " + tag).param("sort", "amount").param("dir", "asc").with(user(manager)))
                .andReturn().getResponse();
        List<String> lines = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(lines).as("the file holds what the queue shows, in its order").hasSize(51);
        assertThat(lines.get(0)).contains(receipt(smallestFirst.get(0)));
        assertThat(lines.get(50)).contains(receipt(smallestFirst.get(50)));

        for (String odd : List.of("/review?sort=nonsense&dir=x", "/review?q=" + "%_".repeat(500) + "&page=-3",
                "/review?q=\\&sort=receipt")) {
            page(odd, manager);
        }
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private static List<String> statements(PortalClient browser, String path) {
        StatementCounter.Recording recording = StatementCounter.start();
        HttpResponse<String> response = browser.get(path);
        List<String> statements = recording.stop().stream().filter(e -> e.thread().startsWith("http-"))
                .map(StatementCounter.Executed::sql).toList();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(rows(response.body())).isNotEmpty();
        return statements;
    }

    private String page(String path, CurrentUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static List<String> receipts(String page) {
        List<String> receipts = new ArrayList<>();
        Matcher m = Pattern.compile("<span class=\"text-nowrap\">([^<]+)</span>").matcher(page);
        while (m.find()) {
            receipts.add(m.group(1));
        }
        return receipts;
    }

    private int version(UUID id) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
    }

    private static List<UUID> rows(String page) {
        List<UUID> ids = new ArrayList<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            ids.add(UUID.fromString(m.group(1)));
        }
        return ids;
    }
}
