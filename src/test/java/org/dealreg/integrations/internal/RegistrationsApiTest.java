package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerStanding;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import static org.dealreg.integrations.internal.ApiSession.deal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner's system registers and follows the company's deals over real HTTP, as the form would. */
@IntegrationTest
class RegistrationsApiTest {

    @LocalServerPort int port;
    @Autowired ApiClients clients;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired PartnerStanding standing;
    @Autowired ManagerReview review;
    @Autowired JsonMapper json;
    @Autowired PartnerSubmissions submissions;

    PartnerView partner;
    CurrentUser admin;
    ApiClients.Credentials credentials;
    ApiSession api;

    @BeforeEach
    void aPartnerAdminCreatedAClient() throws Exception {
        partner = users.newPartner("US");
        admin = users.newUser(Role.PARTNER_ADMIN, partner.id());
        credentials = clients.create(admin, "Our CRM");
        api = new ApiSession(port).signedIn(credentials.clientId(), credentials.secret(),
                "registrations:read registrations:write");
    }

    @Test
    void aClientSubmitsListsReadsAndWithdrawsItsCompanysRegistrationAndNothingElse() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/registrations", deal("Vantablack", "120000"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode registration = json.readTree(created.body());
        UUID id = UUID.fromString(registration.get("id").asString());
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/registrations/" + id);
        assertThat(registration.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(registration.get("receiptNumber").asString()).matches("DR-\\d{4}-\\d{6}");

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        assertThat(row.get("partner_id")).isEqualTo(partner.id());
        assertThat(row.get("submitted_by")).as("under the name of the admin who holds the client").isEqualTo(admin.id());
        assertThat((String) row.get("customer_name")).as("encrypted like the form's").startsWith("v1:");

        long signIns = jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_SUCCEEDED' "
                + "and actor_id = ?", Long.class, admin.id());
        JsonNode list = json.readTree(api.get("/api/v1/registrations?status=SUBMITTED").body());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_SUCCEEDED' "
                + "and actor_id = ?", Long.class, admin.id())).as("an API call is no sign-in").isEqualTo(signIns);
        assertThat(list.get("items")).extracting(item -> item.get("id").asString()).containsExactly(id.toString());
        assertThat(json.readTree(api.get("/api/v1/registrations/" + id).body()).get("customerName").asString())
                .startsWith("Vantablack");

        CurrentUser otherCompany = users.newPartnerUser(users.newPartner("US"));
        UUID theirs = submittedBy(otherCompany);
        HttpResponse<String> notYours = api.get("/api/v1/registrations/" + theirs);
        assertThat(notYours.statusCode()).isEqualTo(404);
        assertThat(notYours.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.post("/api/v1/registrations/" + theirs + "/withdrawal", "{}").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, theirs))
                .isEqualTo("SUBMITTED");

        HttpResponse<String> withdrawn = api.post("/api/v1/registrations/" + id + "/withdrawal", "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                .isEqualTo("WITHDRAWN");
        HttpResponse<String> again = api.post("/api/v1/registrations/" + id + "/withdrawal", "{\"version\":0}");
        assertThat(again.statusCode()).as("changed since version 0").isEqualTo(409);
    }

    @Test
    void whatTheFormRefusesIsAProblemPerFieldWithTheFormsMessagesAndNothingIsStored() throws Exception {
        HttpResponse<String> refused = api.post("/api/v1/registrations",
                deal("Vantablack", "1000").replace("jane@", "jane at "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("errors")).extracting(error -> error.get("field").asString()).contains("contactEmail");
        assertThat(problem.get("errors").toString()).doesNotContain("{jakarta");

        HttpResponse<String> tooSmall = api.post("/api/v1/registrations", deal("Vantablack", "1000"));
        assertThat(tooSmall.statusCode()).isEqualTo(422);
        assertThat(json.readTree(tooSmall.body()).get("errors")).extracting(error -> error.get("code").asString())
                .containsExactly("deal.amount.belowMinimum");

        HttpResponse<String> nowhere = api.get("/api/v1/nothing-here");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.headers().firstValue("Content-Type")).as("the API's 404 is a problem, not a page")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(nowhere.body()).contains("\"status\":404").doesNotContain("<html");

        HttpResponse<String> notJson = api.post("/api/v1/registrations", "{\"amount\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("/api/docs");
        assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                partner.id())).isZero();
    }

    @Test
    void theSameIdempotencyKeyAndBodyStoreOneRegistrationAndAnotherBodyIsRefused() throws Exception {
        String body = deal("Umbra", "150000");
        HttpResponse<String> first = api.post("/api/v1/registrations", body, "Idempotency-Key", "order-42");
        HttpResponse<String> replay = api.post("/api/v1/registrations", body, "Idempotency-Key", "order-42");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(json.readTree(replay.body()).get("id")).isEqualTo(json.readTree(first.body()).get("id"));
        assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                partner.id())).isOne();

        HttpResponse<String> other = api.post("/api/v1/registrations", deal("Penumbra", "150000"),
                "Idempotency-Key", "order-42");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                partner.id())).isOne();
    }

    @Test
    void anApprovedRegistrationIsClosedWonAndTheListFollowsChangesWithACursor() throws Exception {
        UUID first = created(deal("Alpha", "120000"));
        UUID second = created(deal("Beta", "130000"));
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        review.approve(first, version(first), manager.id());

        String reason = "{\"reason\":\"The customer's board meets next quarter\"}";
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> asked = api.post("/api/v1/registrations/" + first + "/extension-requests", reason,
                    "Idempotency-Key", "ext-" + first);
            assertThat(asked.statusCode()).as("the same key again answers as the first time").isEqualTo(200);
        }
        assertThat(api.post("/api/v1/registrations/" + first + "/extension-requests", reason).statusCode())
                .as("without the key: a request is open already").isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from extension_request where registration_id = ?", Long.class,
                first)).isOne();

        HttpResponse<String> won = api.post("/api/v1/registrations/" + first + "/closure", """
                {"outcome":"WON","amount":125000,"currency":"USD","closedOn":"%s"}""".formatted(LocalDate.now(admin.zone())));
        assertThat(won.statusCode()).as(won.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, first))
                .isEqualTo("WON");
        HttpResponse<String> notApproved = api.post("/api/v1/registrations/" + second + "/closure",
                "{\"outcome\":\"LOST\",\"lostReason\":\"Budget cut\"}");
        assertThat(notApproved.statusCode()).isEqualTo(409);

        JsonNode page = json.readTree(api.get("/api/v1/registrations?limit=1").body());
        List<String> seen = new ArrayList<>();
        seen.add(page.get("items").get(0).get("id").asString());
        JsonNode next = json.readTree(api.get("/api/v1/registrations?limit=1&cursor=" + page.get("nextCursor").asString()).body());
        seen.add(next.get("items").get(0).get("id").asString());
        assertThat(seen).as("oldest change first: the second submitted, then the first closed")
                .containsExactly(second.toString(), first.toString());
        assertThat(next.get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/v1/registrations?cursor=nonsense").statusCode()).isEqualTo(422);
    }

    @Test
    void theDocumentAndSwaggerUiAreOpenWithoutAToken() throws Exception {
        ApiSession anyone = new ApiSession(port);
        assertThat(anyone.get("/api/openapi.json").body()).contains("\"/api/v1/registrations\"")
                .contains("/api/v1/accounts/bulk");
        HttpResponse<String> docs = anyone.get("/api/docs");
        assertThat(docs.statusCode()).isEqualTo(302);
        String ui = docs.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> page = anyone.get(ui);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(anyone.get(ui.replace("index.html", "swagger-initializer.js")).statusCode()).isEqualTo(200);
    }

    @Test
    void aSuspendedCompanysClientIsRefusedAtItsNextCall() throws Exception {
        assertThat(api.get("/api/v1/registrations").statusCode()).isEqualTo(200);
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        standing.suspend(partner.id(), "Audit", manager.id());
        assertThat(api.get("/api/v1/registrations").statusCode()).isEqualTo(401);
        standing.reactivate(partner.id(), "Audit done", manager.id());
        assertThat(api.get("/api/v1/registrations").statusCode()).isEqualTo(200);
    }

    private UUID created(String deal) throws Exception {
        HttpResponse<String> created = api.post("/api/v1/registrations", deal);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return UUID.fromString(json.readTree(created.body()).get("id").asString());
    }

    @Test
    void aClientOverItsLimitOfCallsIsAnswered429WithRetryAfter() throws Exception {
        jdbc.update("update program_setting set value = '3' where name = 'api-requests-per-minute'");
        users.programmeChangedBySql();
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/api/v1/registrations").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = api.get("/api/v1/registrations");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            HttpResponse<String> notStored = api.post("/api/v1/registrations", deal("Over", "120000"));
            assertThat(notStored.statusCode()).isEqualTo(429);
            assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                    partner.id())).isZero();

            ApiClients.Credentials another = clients.create(admin, "Another system");
            ApiSession second = new ApiSession(port).signedIn(another.clientId(), another.secret(), "registrations:read");
            assertThat(second.get("/api/v1/registrations").statusCode()).as("each client has its own limit")
                    .isEqualTo(200);
        } finally {
            jdbc.update("update program_setting set value = '600' where name = 'api-requests-per-minute'");
            users.programmeChangedBySql();
        }
    }

    private int version(UUID id) {
        return jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
    }


    private UUID submittedBy(CurrentUser user) throws Exception {
        return submissions.submit(user, json.readValue(deal("Theirs", "200000"), DealToRegister.class));
    }

}
