package org.dealreg.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The channel manager's queue, review page and decisions, and what the partner then sees (DESIGN.md §4, §5). */
@IntegrationTest
class ReviewTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountBook book;

    @Test
    void theQueueListsPendingRegistrationsDueFirstWithTheirStateAndFilters() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        // a region of the test's own: the queue pages, and other tests' pending registrations fill its first pages
        String region = users.newRegion();
        CurrentUser partner = users.newPartnerUser(users.newPartner(region));
        UUID clear = submitted(mvc, partner, validDeal());
        String owned = "Ownedco " + UUID.randomUUID().toString().substring(0, 8);
        book.upsert("CRM-" + UUID.randomUUID(), owned, "US", Set.of(), users.byEmail("sam@dealreg.example").id());
        UUID review = submitted(mvc, partner, customer(owned, "US", "someone@gmail.com"));
        jdbc.update("update registration set decision_due_at = now() - interval '1 hour' where id = ?", clear);

        String queue = page(get("/review").param("region", region), maria);
        assertThat(queue).contains("data-id=\"" + clear + "\"").contains("data-id=\"" + review + "\"");
        assertThat(queue.indexOf("data-id=\"" + clear + "\"")).as("overdue first")
                .isLessThan(queue.indexOf("data-id=\"" + review + "\""));
        assertThat(row(queue, clear)).contains("Overdue").contains("Clear").contains("Test Partner");
        assertThat(row(queue, review)).contains("On time").contains("Review");
        assertThat(queue).containsPattern("[1-9][0-9]* overdue");

        String onlyReview = page(get("/review").param("region", region).param("verdict", "REVIEW"), maria);
        assertThat(onlyReview).contains("data-id=\"" + review + "\"").doesNotContain("data-id=\"" + clear + "\"");
        assertThat(page(get("/review").param("region", "FR"), maria)).doesNotContain("data-id=\"" + review + "\"");
    }

    @Test
    void theReviewPageShowsTheDecryptedRegistrationAndWhyItMatched() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        PartnerView company = users.newPartner("US");
        CurrentUser submitter = users.newPartnerUser(company);
        Map<String, String> deal = customer("Globex Corporation", "US", "hank@globex.example");
        deal.put("customerWebsite", "https://www.globex.example");
        deal.put("description", "Forty <b>racks</b> & storage");
        UUID id = submitted(mvc, submitter, deal);
        String submitterName = jdbc.queryForObject("select display_name from app_user where id = ?", String.class,
                submitter.id());

        String page = page(get("/review/" + id), maria);
        assertThat(page).contains("Globex Corporation").contains("Forty &lt;b&gt;racks&lt;/b&gt; &amp; storage")
                .contains(company.legalName()).contains("Likely conflict.")
                .contains("Same domain as an account").contains("Same name as an account, same country")
                .contains("Sam Porter").contains("by " + submitterName);
        assertThat(jdbc.queryForObject("select description from registration where id = ?", String.class, id))
                .as("stored encrypted").startsWith("v1:");
    }

    @Test
    void aManagerApprovesAndThePartnerSeesItWithTheCustomerStillReserved() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());

        // a forged status or manager in the POST changes nothing: the URL and the session decide
        MockHttpServletResponse response = call(post("/review/" + id + "/approve").param("version", version(jdbc, id))
                .param("status", "REJECTED").param("decidedBy", partner.id().toString()).with(csrf()), maria);
        assertThat(response.getRedirectedUrl()).isEqualTo("/review/" + id);

        Map<String, Object> row = jdbc.queryForMap("select status, decided_by, decided_at from registration where id = ?", id);
        assertThat(row.get("status")).isEqualTo("APPROVED");
        assertThat(row.get("decided_by")).isEqualTo(maria.id());
        assertThat(row.get("decided_at")).isNotNull();
        assertThat(history(id)).containsExactly("SUBMITTED", "APPROVED");
        assertThat(activeClaim(id)).as("an approved registration keeps the customer").isTrue();

        String seen = page(get("/deals/" + id), partner);
        assertThat(seen).contains("Approved on").contains("the customer is reserved for your company")
                .doesNotContain("id=\"withdraw\"");
        assertThat(seen.substring(seen.indexOf("id=\"decision\""), seen.indexOf("id=\"verdict\"")))
                .as("the outcome names no manager").doesNotContain("Maria");
        assertThat(page(get("/review/" + id), maria)).contains("by Maria Garcia").doesNotContain("id=\"approve\"");
    }

    @Test
    void thePartnerSeesWhoAtTheVendorOpenedTheRegistrationAndTheTrailRecordsIt() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());
        assertThat(page(get("/deals/" + id), partner)).contains("id=\"no-staff-views\"");

        page(get("/review/" + id), maria);
        page(get("/review/" + id), ada);
        page(get("/review"), maria);

        String seen = page(get("/deals/" + id), partner);
        String views = seen.substring(seen.indexOf("id=\"staff-views\""), seen.indexOf("</ul>", seen.indexOf("id=\"staff-views\"")));
        assertThat(views).contains("Maria Garcia (channel manager)").contains("Ada Lovelace (programme admin)");
        assertThat(views.split("<li").length - 1).as("two openings; the queue shows nothing decrypted").isEqualTo(2);
        assertThat(jdbc.queryForList("select actor_id from audit_event where action = 'REGISTRATION_VIEWED' "
                + "and subject_id = ? order by seq", UUID.class, id.toString())).containsExactly(maria.id(), ada.id());

        page(get("/review/" + id), maria);
        String again = page(get("/deals/" + id), partner);
        String visits = again.substring(again.indexOf("id=\"staff-views\""),
                again.indexOf("</ul>", again.indexOf("id=\"staff-views\"")));
        assertThat(visits.split("<li").length - 1).as("one line per person per visit").isEqualTo(2);
        assertThat(visits).contains("opened 2 times in that visit");
    }

    @Test
    void aRejectionNeedsAReasonAndACommentAndThePartnerReadsBoth() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());

        String refused = call(post("/review/" + id + "/reject").param("version", version(jdbc, id)).param("comment", " ")
                .with(csrf()), maria).getContentAsString();
        assertThat(refused).contains("id=\"reason-error\"").contains("id=\"comment-error\"");
        assertThat(status(id)).isEqualTo("SUBMITTED");

        call(post("/review/" + id + "/reject").param("version", version(jdbc, id)).param("reason", "DIRECT_SALES_ENGAGED")
                .param("comment", "Our rep met them <script>alert(1)</script> last week.").with(csrf()), maria);

        assertThat(status(id)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select rejection_comment from registration where id = ?", String.class, id))
                .as("the comment is encrypted like what partners type").startsWith("v1:");
        assertThat(activeClaim(id)).as("a rejected registration frees the customer").isFalse();
        String seen = page(get("/deals/" + id), partner);
        assertThat(seen).contains("Rejected on").contains("Direct sales is already engaged with this customer")
                .contains("Our rep met them &lt;script&gt;alert(1)&lt;/script&gt; last week.")
                .doesNotContain("<script>alert(1)");
        assertThat(seen).as("decided: the page speaks of the decision, not of the answer still to come")
                .doesNotContain("overlaps this customer: the vendor answers within").contains("When it was registered");
    }

    @Test
    void theSecondDecisionIsRefusedWithWhoDecidedFirstAndNothingChanges() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser otherManager = users.newUser(Role.CHANNEL_MANAGER, null);
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());

        String bothSaw = version(jdbc, id);
        call(post("/review/" + id + "/approve").param("version", bothSaw).with(csrf()), maria);
        String flash = flashError(post("/review/" + id + "/reject").param("version", bothSaw)
                .param("reason", "OTHER").param("comment", "No.").with(csrf()), otherManager);
        assertThat(flash).isEqualTo("Already decided by Maria Garcia (Approved); your decision was not recorded.");
        assertThat(status(id)).isEqualTo("APPROVED");
        assertThat(history(id)).containsExactly("SUBMITTED", "APPROVED");
    }

    @Test
    void aStaleVersionIsRefusedEvenWhileStillPending() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID id = submitted(mvc, users.newPartnerUser(users.newPartner("US")), validDeal());

        assertThat(flashError(post("/review/" + id + "/approve").param("version", "7").with(csrf()), maria))
                .startsWith("This registration changed");
        assertThat(flashError(post("/review/" + id + "/approve").with(csrf()), maria))
                .as("no version at all").startsWith("This registration changed");
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void onlyChannelManagersDecideTheAdminOnlyReadsAndADecisionNeedsCsrf() throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, validDeal());

        for (CurrentUser outsider : List.of(partner, users.byEmail("sam@dealreg.example"))) {
            assertThat(call(get("/review"), outsider).getStatus()).isEqualTo(403);
            assertThat(call(get("/review/" + id), outsider).getStatus()).isEqualTo(403);
            assertThat(call(post("/review/" + id + "/approve").param("version", version(jdbc, id)).with(csrf()), outsider).getStatus())
                    .isEqualTo(403);
        }
        // the programme admin reads (escalations point here) but does not decide
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        assertThat(page(get("/review/" + id), ada)).contains("id=\"read-only\"").doesNotContain("id=\"approve\"");
        assertThat(call(post("/review/" + id + "/approve").param("version", version(jdbc, id)).with(csrf()), ada).getStatus())
                .isEqualTo(403);
        assertThat(call(post("/review/" + id + "/approve").param("version", version(jdbc, id)), maria).getStatus()).isEqualTo(403);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(call(get("/review/" + UUID.randomUUID()), maria).getStatus()).isEqualTo(404);
        assertThat(call(get("/review/not-an-id"), maria).getStatus()).isEqualTo(404);
    }

    static Map<String, String> customer(String name, String country, String email) {
        Map<String, String> deal = validDeal();
        deal.put("customerName", name);
        deal.put("customerWebsite", "");
        deal.put("customerCountry", country);
        deal.put("contactEmail", email);
        return deal;
    }


    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    /** The refusal a decision redirects with, as the next page shows it. */
    private String flashError(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return (String) mvc.perform(request.with(user(user))).andReturn().getFlashMap().get("flashError");
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        MockHttpServletResponse response = call(request, user);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The queue's table row of one registration. */
    private static String row(String queue, UUID id) {
        int start = queue.indexOf("data-id=\"" + id + "\"");
        return queue.substring(start, queue.indexOf("</tr>", start));
    }


    private String status(UUID id) {
        return jdbc.queryForObject("select status from registration where id = ?", String.class, id);
    }

    private List<String> history(UUID id) {
        return jdbc.queryForList("select action from registration_history where registration_id = ? order by id",
                String.class, id);
    }

    private boolean activeClaim(UUID id) {
        return jdbc.queryForObject("select released_at is null from customer_claim where registration_id = ?",
                Boolean.class, id);
    }
}
