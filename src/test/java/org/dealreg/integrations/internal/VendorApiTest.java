package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vendor's CRM loads accounts, engagements and direct wins, and reads the registrations feed, over real HTTP. */
@IntegrationTest
class VendorApiTest {

    @LocalServerPort int port;
    @Autowired ApiClients clients;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    ApiSession crm;
    String run;

    @BeforeEach
    void theProgrammeAdminCreatedAVendorClient() throws Exception {
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        ApiClients.Credentials credentials = clients.create(admin, "CRM");
        crm = new ApiSession(port).signedIn(credentials.clientId(), credentials.secret(),
                "accounts:write credits:write registrations:read");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aHundredThousandAccountsLoadInOneCallAndTheConflictCheckSeesThemAtOnce() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 1; i <= 100_000; i++) {
            ndjson.append("""
                    {"crmId":"BULK-%1$s-%2$d","name":"Bulkco %1$s %2$d Holdings","country":"US","domains":["bulk-%1$s-%2$d.example"],"ownerEmail":"sam@dealreg.example"}
                    """.formatted(run, i));
        }
        long started = System.nanoTime();
        HttpResponse<String> loaded = bulk("application/x-ndjson", ndjson.toString());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("VendorApiTest: 100,000 accounts loaded in one bulk call in %,d ms%n", millis);
        assertThat(loaded.statusCode()).as(loaded.body().substring(0, Math.min(500, loaded.body().length())))
                .isEqualTo(200);
        JsonNode report = json.readTree(loaded.body());
        assertThat(report.get("created").asInt()).isEqualTo(100_000);
        assertThat(report.get("rejected").asInt()).isZero();
        assertThat(report.get("results").size()).as("a result per line").isEqualTo(100_000);
        assertThat(jdbc.queryForObject("select count(*) from direct_account where crm_id like ?", Long.class,
                "BULK-" + run + "-%")).isEqualTo(100_000);

        HttpResponse<String> again = bulk("application/x-ndjson", ndjson.substring(0, ndjson.indexOf("\n") + 1));
        assertThat(json.readTree(again.body()).get("updated").asInt()).as("the same line again changes nothing new")
                .isOne();

        CurrentUser partnerAdmin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        ApiClients.Credentials partnerClient = clients.create(partnerAdmin, "Partner CRM");
        ApiSession partner = new ApiSession(port).signedIn(partnerClient.clientId(), partnerClient.secret(),
                "registrations:read registrations:write");
        HttpResponse<String> submitted = partner.post("/api/v1/registrations", """
                {"customerName":"Bulkco %1$s 777 Holdings","customerCountry":"US","customerCity":"Springfield",
                 "contactName":"Jane Doe","contactEmail":"jane@bulk-%1$s-777.example","title":"Refresh",
                 "description":"Racks.","specialization":"INFRASTRUCTURE","amount":150000,"currency":"USD",
                 "expectedCloseDate":"%2$s"}""".formatted(run, LocalDate.now().plusMonths(2)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String registration = json.readTree(submitted.body()).get("id").asString();
        assertThat(jdbc.queryForList("select a.crm_id from conflict_match m join direct_account a on a.id = m.account_id "
                + "where m.registration_id = ?::uuid", String.class, registration))
                .as("the account loaded a moment ago is matched").contains("BULK-" + run + "-777");

        JsonNode feed = json.readTree(crm.get("/api/v1/feed/registrations?updatedSince="
                + java.time.Instant.now().minusSeconds(120)).body());
        JsonNode entry = null;
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asString().equals(registration)) {
                entry = item;
            }
        }
        String cursor = feed.get("nextCursor").isNull() ? null : feed.get("nextCursor").asString();
        while (entry == null && cursor != null) {
            feed = json.readTree(crm.get("/api/v1/feed/registrations?cursor=" + cursor).body());
            for (JsonNode item : feed.get("items")) {
                if (item.get("id").asString().equals(registration)) {
                    entry = item;
                }
            }
            cursor = feed.get("nextCursor").isNull() ? null : feed.get("nextCursor").asString();
        }
        assertThat(entry).as("the registration is in the feed").isNotNull();
        assertThat(entry.get("matchedAccountCrmId").asString()).isEqualTo("BULK-" + run + "-777");
        assertThat(entry.get("amountUsd").decimalValue()).isEqualByComparingTo("150000");
        assertThat(entry.toString()).as("plain fields only").doesNotContain("Jane").doesNotContain("Racks")
                .doesNotContain("Springfield").doesNotContain("customerName");
    }

    @Test
    void anAccountEngagementAndDirectWinFollowTheFormsRules() throws Exception {
        String crmId = "ONE-" + run;
        HttpResponse<String> refused = crm.put("/api/v1/accounts/" + crmId, """
                {"name":"Solo %s","country":"XX","domains":[],"ownerEmail":"sam@dealreg.example"}""".formatted(run));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("country");

        HttpResponse<String> created = crm.put("/api/v1/accounts/" + crmId, """
                {"name":"Solo %s","country":"US","domains":["solo-%s.example"],"ownerEmail":"sam@dealreg.example"}"""
                .formatted(run, run));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(crm.put("/api/v1/accounts/" + crmId, """
                {"name":"Solo %s Inc.","country":"US","domains":[],"ownerEmail":"sam@dealreg.example"}""".formatted(run))
                .statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select name from direct_account where crm_id = ?", String.class, crmId))
                .isEqualTo("Solo " + run + " Inc.");

        assertThat(crm.put("/api/v1/accounts/" + crmId + "/engagement", """
                {"repEmail":"sam@dealreg.example","since":"%s"}""".formatted(LocalDate.now())).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select engagement_open from direct_account where crm_id = ?", Boolean.class,
                crmId)).isTrue();
        assertThat(crm.put("/api/v1/accounts/" + crmId + "/engagement", """
                {"repEmail":"bob@northwind.example","since":"%s"}""".formatted(LocalDate.now())).statusCode())
                .as("a partner user is no rep").isEqualTo(422);
        assertThat(crm.delete("/api/v1/accounts/" + crmId + "/engagement").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select engagement_open from direct_account where crm_id = ?", Boolean.class,
                crmId)).isFalse();
        assertThat(crm.delete("/api/v1/accounts/NOPE-" + run + "/engagement").statusCode()).isEqualTo(404);

        String win = """
                {"repEmail":"sam@dealreg.example","accountCrmId":"%s","amount":90000,"currency":"USD","closedOn":"%s"}"""
                .formatted(crmId, LocalDate.now().minusDays(1));
        assertThat(crm.put("/api/v1/direct-wins/OPP-" + run, win).statusCode()).isEqualTo(201);
        assertThat(crm.put("/api/v1/direct-wins/OPP-" + run, win).statusCode()).as("the same opportunity again")
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from rep_credit c join direct_account a on a.id = c.account_id "
                + "where a.crm_id = ?", Long.class, crmId)).isOne();
        HttpResponse<String> future = crm.put("/api/v1/direct-wins/OPP2-" + run, win.replace(
                LocalDate.now().minusDays(1).toString(), LocalDate.now().plusDays(3).toString()));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(json.readTree(future.body()).get("errors").get(0).get("field").asString()).isEqualTo("closedOn");

        HttpResponse<String> csv = bulk("text/csv", """
                crm_id,name,country,domains,owner_email
                CSV-%1$s-1,Comma Co %1$s,US,comma-%1$s.example,sam@dealreg.example
                CSV-%1$s-2,Bad Co,XX,,sam@dealreg.example
                """.formatted(run));
        JsonNode report = json.readTree(csv.body());
        assertThat(report.get("created").asInt()).isOne();
        assertThat(report.get("results").get(1).get("detail").asString()).contains("XX");

        JsonNode lines = json.readTree(bulk("application/x-ndjson", """
                {"crmId":"ND-%1$s","name":"Lined Co %1$s","country":"US","ownerEmail":"sam@dealreg.example"}
                not json
                """.formatted(run)).body());
        assertThat(lines.get("results")).extracting(r -> r.get("result").asString()).containsExactly("CREATED", "REJECTED");
        assertThat(lines.get("results").get(1).get("code").asString()).isEqualTo("api.bulk.unreadable");
    }

    @Test
    void eachKindOfClientCallsOnlyItsOwnPart() throws Exception {
        assertThat(crm.get("/api/v1/registrations").statusCode()).as("a vendor client is no partner").isEqualTo(403);
        CurrentUser partnerAdmin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        ApiClients.Credentials partnerClient = clients.create(partnerAdmin, "Partner CRM");
        ApiSession partner = new ApiSession(port).signedIn(partnerClient.clientId(), partnerClient.secret(),
                "registrations:read registrations:write");
        assertThat(partner.get("/api/v1/feed/registrations").statusCode()).isEqualTo(403);
        assertThat(partner.put("/api/v1/accounts/X-" + run, "{}").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from direct_account where crm_id = ?", Long.class, "X-" + run))
                .isZero();
    }

    private HttpResponse<String> bulk(String type, String body) throws Exception {
        return crm.post("/api/v1/accounts/bulk", body, "Content-Type", type);
    }
}
