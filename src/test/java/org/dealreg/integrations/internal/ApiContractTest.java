package org.dealreg.integrations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.registration.ManagerReview;
import static org.dealreg.integrations.internal.ApiSession.deal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of {@code /api/v1/registrations}, its success and its errors, called over real HTTP and checked
 * against the OpenAPI document the portal serves (Atlassian's swagger-request-validator): the document cannot drift
 * from the code. A request made to break the document's rules (to get a 400 or a 422) has only its answer checked.
 */
@IntegrationTest
class ApiContractTest {

    @LocalServerPort int port;
    @Autowired ApiClients clients;
    @Autowired TestUsers users;
    @Autowired ManagerReview review;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    OpenApiInteractionValidator contract;
    ApiClients.Credentials credentials;
    ApiSession api;
    java.time.ZoneId partnerZone;

    @BeforeEach
    void theServedDocumentAndAPartnersClient() throws Exception {
        String document = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(json.readTree(document).get("openapi").asString())
                .as("the validator reads OpenAPI 3.1 on Java 21 only (docs/api.md): a 3.1 document would pass unread")
                .startsWith("3.0");
        contract = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        partnerZone = admin.zone();
        credentials = clients.create(admin, "Contract test");
        api = new ApiSession(port).signedIn(credentials.clientId(), credentials.secret(),
                "registrations:read registrations:write");
    }

    @Test
    void submittingAnswersAsTheDocumentSays() throws Exception {
        String deal = deal("Umbra", "150000");
        conforms(201, api.post("/api/v1/registrations", deal, "Idempotency-Key", "order-1"), deal);
        conforms(201, api.post("/api/v1/registrations", deal, "Idempotency-Key", "order-1"), deal);
        String other = deal("Penumbra", "150000");
        conforms(422, api.post("/api/v1/registrations", other, "Idempotency-Key", "order-1"), other);
        conforms(409, api.post("/api/v1/registrations", deal), deal);
        String tooSmall = deal("Antumbra", "1000");
        conforms(422, api.post("/api/v1/registrations", tooSmall), tooSmall);

        answerConforms(422, api.post("/api/v1/registrations", deal("Umbriel", "150000").replace("jane@", "jane at ")));
        answerConforms(400, api.post("/api/v1/registrations", "{\"amount\": "));
        answerConforms(401, new ApiSession(port).post("/api/v1/registrations", deal("Ariel", "150000")));
        ApiSession readOnly = new ApiSession(port).signedIn(credentials.clientId(), credentials.secret(),
                "registrations:read");
        String refused = deal("Oberon", "150000");
        conforms(403, readOnly.post("/api/v1/registrations", refused), refused);
    }

    @Test
    void listingAndReadingAnswerAsTheDocumentSays() throws Exception {
        UUID first = created(deal("Alpha", "120000"));
        created(deal("Beta", "130000"));
        HttpResponse<String> page = conforms(200, api.get("/api/v1/registrations?status=SUBMITTED&limit=1"
                + "&updatedSince=2020-01-01T00:00:00Z"), null);
        String cursor = json.readTree(page.body()).get("nextCursor").asString();
        conforms(200, api.get("/api/v1/registrations?limit=1&cursor=" + cursor), null);
        conforms(200, api.get("/api/v1/registrations/" + first), null);
        conforms(404, api.get("/api/v1/registrations/" + UUID.randomUUID()), null);
        conforms(422, api.get("/api/v1/registrations?cursor=nonsense"), null);

        answerConforms(422, api.get("/api/v1/registrations?limit=0"));
        answerConforms(400, api.get("/api/v1/registrations?status=PENDING"));
        answerConforms(401, new ApiSession(port).get("/api/v1/registrations/" + first));
    }

    @Test
    void withdrawingAskingForAnExtensionAndClosingAnswerAsTheDocumentSays() throws Exception {
        UUID pending = created(deal("Gamma", "120000"));
        String lost = "{\"outcome\":\"LOST\",\"lostReason\":\"Budget cut\"}";
        conforms(409, api.post("/api/v1/registrations/" + pending + "/closure", lost), lost);
        conforms(200, api.post("/api/v1/registrations/" + pending + "/withdrawal", "{}"), "{}");
        conforms(409, api.post("/api/v1/registrations/" + pending + "/withdrawal", "{\"version\":0}"), "{\"version\":0}");
        conforms(404, api.post("/api/v1/registrations/" + UUID.randomUUID() + "/withdrawal", "{}"), "{}");

        UUID approved = approved(deal("Delta", "120000"));
        String reason = "{\"reason\":\"The customer's board meets next quarter\"}";
        conforms(200, api.post("/api/v1/registrations/" + approved + "/extension-requests", reason), reason);
        conforms(409, api.post("/api/v1/registrations/" + approved + "/extension-requests", reason), reason);
        conforms(404, api.post("/api/v1/registrations/" + UUID.randomUUID() + "/extension-requests", reason), reason);

        UUID toClose = approved(deal("Epsilon", "120000"));
        // the partner's today, in their time zone: the close rules refuse a day still to come there
        LocalDate today = LocalDate.now(partnerZone);
        String noAmount = "{\"outcome\":\"WON\",\"currency\":\"USD\",\"closedOn\":\"%s\"}".formatted(today);
        conforms(422, api.post("/api/v1/registrations/" + toClose + "/closure", noAmount), noAmount);
        String won = "{\"outcome\":\"WON\",\"amount\":125000,\"currency\":\"USD\",\"closedOn\":\"%s\"}"
                .formatted(today);
        conforms(200, api.post("/api/v1/registrations/" + toClose + "/closure", won), won);
        conforms(404, api.post("/api/v1/registrations/" + UUID.randomUUID() + "/closure", won), won);
        answerConforms(400, api.post("/api/v1/registrations/" + toClose + "/closure", "[1, 2"));
    }

    @Test
    void theVendorsEndpointsAnswerAsTheDocumentSays() throws Exception {
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        ApiClients.Credentials vendor = clients.create(admin, "CRM");
        ApiSession crm = new ApiSession(port).signedIn(vendor.clientId(), vendor.secret(),
                "accounts:write credits:write registrations:read");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String account = """
                {"name":"Contract %1$s","country":"US","domains":["contract-%1$s.example"],"ownerEmail":"sam@dealreg.example"}"""
                .formatted(run);
        conforms(201, crm.put("/api/v1/accounts/C-" + run, account), account);
        conforms(200, crm.put("/api/v1/accounts/C-" + run, account), account);
        String badCountry = account.replace("\"US\"", "\"XX\"");
        conforms(422, crm.put("/api/v1/accounts/C-" + run, badCountry), badCountry);
        answerConforms(200, crm.post("/api/v1/accounts/bulk", """
                {"crmId":"CB-%1$s","name":"Bulk %1$s","country":"US","ownerEmail":"sam@dealreg.example"}
                not json
                """.formatted(run), "Content-Type", "application/x-ndjson"));
        answerConforms(200, crm.post("/api/v1/accounts/bulk", "crm_id,name,country,domains,owner_email\n"
                + "CC-" + run + ",Csv " + run + ",US,,sam@dealreg.example\n", "Content-Type", "text/csv"));

        String engagement = "{\"repEmail\":\"sam@dealreg.example\",\"since\":\"%s\"}".formatted(LocalDate.now());
        conforms(200, crm.put("/api/v1/accounts/C-" + run + "/engagement", engagement), engagement);
        conforms(404, crm.put("/api/v1/accounts/NONE-" + run + "/engagement", engagement), engagement);
        String notARep = engagement.replace("sam@dealreg.example", "bob@northwind.example");
        conforms(422, crm.put("/api/v1/accounts/C-" + run + "/engagement", notARep), notARep);
        conforms(200, crm.delete("/api/v1/accounts/C-" + run + "/engagement"), null);
        conforms(404, crm.delete("/api/v1/accounts/NONE-" + run + "/engagement"), null);

        String win = """
                {"repEmail":"sam@dealreg.example","accountCrmId":"C-%s","amount":90000,"currency":"USD","closedOn":"%s"}"""
                .formatted(run, LocalDate.now().minusDays(1));
        conforms(201, crm.put("/api/v1/direct-wins/OPP-" + run, win), win);
        conforms(200, crm.put("/api/v1/direct-wins/OPP-" + run, win), win);
        String euros = win.replace("\"USD\"", "\"XYZ\"");
        conforms(422, crm.put("/api/v1/direct-wins/OPP2-" + run, euros), euros);

        created(deal("Feedco", "120000"));
        HttpResponse<String> feed = conforms(200, crm.get("/api/v1/feed/registrations?limit=2"
                + "&updatedSince=2020-01-01T00:00:00Z"), null);
        String cursor = json.readTree(feed.body()).get("nextCursor").asString();
        conforms(200, crm.get("/api/v1/feed/registrations?limit=2&cursor=" + cursor), null);
        conforms(422, crm.get("/api/v1/feed/registrations?cursor=nonsense"), null);
        conforms(403, api.get("/api/v1/feed/registrations"), null);
        conforms(403, crm.get("/api/v1/registrations"), null);
    }

    /** The answer has the status expected, and the request and the answer are as the document describes them. */
    private HttpResponse<String> conforms(int status, HttpResponse<String> answer, String bodySent) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        ValidationReport report = contract.validate(request(answer.request(), bodySent), response(answer));
        assertThat(report.hasErrors()).as(describe(answer, report)).isFalse();
        return answer;
    }

    /** For a request that breaks the document on purpose: only its answer is checked. */
    private void answerConforms(int status, HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        HttpRequest sent = answer.request();
        ValidationReport report = contract.validateResponse(sent.uri().getRawPath(),
                Request.Method.valueOf(sent.method()), response(answer));
        assertThat(report.hasErrors()).as(describe(answer, report)).isFalse();
    }

    private static Request request(HttpRequest sent, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(sent.method(), sent.uri().getRawPath());
        sent.headers().map().forEach(request::withHeader);
        String query = sent.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                request.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        if (body != null) {
            request.withBody(body);
        }
        return request.build();
    }

    private static SimpleResponse response(HttpResponse<String> answer) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().map().forEach(response::withHeader);
        return response.build();
    }

    private static String describe(HttpResponse<String> answer, ValidationReport report) {
        return answer.request().method() + " " + answer.request().uri().getPath() + " answered " + answer.statusCode()
                + " " + answer.body() + "\n" + SimpleValidationReportFormat.getInstance().apply(report);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private UUID created(String deal) throws Exception {
        HttpResponse<String> created = conforms(201, api.post("/api/v1/registrations", deal), deal);
        return UUID.fromString(json.readTree(created.body()).get("id").asString());
    }

    private UUID approved(String deal) throws Exception {
        UUID id = created(deal);
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        review.approve(id, jdbc.queryForObject("select version from registration where id = ?", Integer.class, id),
                manager.id());
        return id;
    }

}
