package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The staff's and the reps' exports, each as its page allows: the queue's and the decisions' plain fields with the
 * queue's region filter, the partners, the applications waiting, a rep's own credits; and every other role refused.
 */
@IntegrationTest
class ExportEndpointsTest {

    @Autowired TestUsers users;
    @Autowired MockMvc mvc;
    @Autowired AccountBook book;
    @Autowired JdbcTemplate jdbc;
    @Autowired ManagerReview managerReview;
    @LocalServerPort int port;

    @Test
    void managersExportTheQueueWithItsFiltersThePartnersAndTheApplicationsAsPlainFields() throws Exception {
        String region = users.newRegion();
        PartnerView partner = users.newPartner(region);
        CurrentUser partnerUser = users.newPartnerUser(partner);
        String customer = "Secretco " + UUID.randomUUID().toString().substring(0, 8);
        UUID registration = submit(partnerUser, customer);
        CurrentUser manager = users.newUser(Role.CHANNEL_MANAGER, null);
        PortalClient browser = signedIn(manager);

        assertThat(browser.get("/review?region=" + region).body()).contains("Export 1 row:")
                .contains("href=\"/review/export?format=csv&amp;region=" + region + "\"");
        String queue = csv(browser, "/review/export?format=csv&region=" + region);
        List<String> lines = queue.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Due,Deadline,Receipt,Partner,Tier,Region,Amount (USD),Conflict check,Submitted");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(partner.legalName()).contains("," + region + ",120000.00,")
                .doesNotContain("Secretco");
        assertThat(jdbc.queryForObject("select count(*) from registration_view v join registration r "
                + "on r.id = v.registration_id where r.partner_id = ?", Long.class, partner.id()))
                .as("plain fields: no registration was opened").isZero();
        try (XSSFWorkbook workbook = xlsx(browser, "/review/export?format=xlsx&region=" + region)) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(0))).as("due: a date").isTrue();
            assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(120_000.0);
        }

        managerReview.approve(registration, jdbc.queryForObject("select version from registration where id = ?",
                Integer.class, registration), manager.id());
        String afterDecision = browser.get("/review?region=" + region).body();
        assertThat(afterDecision).as("nothing pending: no queue export, one decision")
                .contains("Export 1 row:")
                .contains("href=\"/review/decisions/export?format=xlsx&amp;region=" + region + "\"")
                .doesNotContain("href=\"/review/export?");
        List<String> decisions = csv(browser, "/review/decisions/export?format=csv&region=" + region).lines().toList();
        assertThat(decisions.get(0)).isEqualTo("Decided,Decision,Decided by,Reason for rejection,Receipt,Partner,Tier,"
                + "Region,Amount (USD),Conflict check,Submitted,Status now");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1)).contains(",Approved,Test CHANNEL_MANAGER,,").contains(partner.legalName())
                .endsWith(",Approved").doesNotContain("Secretco");
        assertThat(csv(browser, "/review/export?format=csv&region=" + region).lines().count()).isEqualTo(1);

        mvc.perform(post("/deals/{id}/extension", registration).param("version", String.valueOf(jdbc.queryForObject(
                "select version from registration where id = ?", Integer.class, registration)))
                .param("reason", "Need time.").with(csrf()).with(user(partnerUser)));
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class,
                registration);
        List<String> extensions = csv(browser, "/review/extensions/export?format=csv").lines().toList();
        assertThat(extensions.get(0)).isEqualTo("Protection ends,Receipt,Partner,Extensions granted,Asked on");
        assertThat(extensions).anySatisfy(line -> assertThat(line).contains("," + receipt + ","
                + partner.legalName() + ",0,"));
        assertThat(extensions).hasSize(1 + jdbc.queryForObject("select count(*) from extension_request e join "
                + "registration r on r.id = e.registration_id where e.status = 'PENDING' and r.status = 'APPROVED'",
                Integer.class));

        String partners = csv(browser, "/partners/export?format=csv");
        assertThat(partners.lines().findFirst().orElseThrow()).isEqualTo("Company,Country,Tier,Status");
        assertThat(partners).contains(partner.legalName() + ",");
        assertThat(partners.lines().count() - 1).isEqualTo(
                jdbc.queryForObject("select count(*) from partner", Long.class));

        String company = "Applying Co " + UUID.randomUUID().toString().substring(0, 8);
        apply(company);
        String applications = csv(browser, "/partners/applications/export?format=csv");
        assertThat(applications.lines().findFirst().orElseThrow())
                .isEqualTo("Applied on,Company legal name,Country,Contact name,Contact e-mail,Contact phone,Website");
        assertThat(applications).contains(company + ",United States,Ada Lovelace,");
        assertThat(applications.lines().count() - 1).isEqualTo(jdbc.queryForObject(
                "select count(*) from partner_application where status = 'PENDING'", Long.class));

        PortalClient admin = signedIn(users.newUser(Role.PROGRAM_ADMIN, null));
        for (String path : List.of("/review/export?format=csv", "/review/decisions/export?format=xlsx",
                "/review/extensions/export?format=csv",
                "/partners/export?format=xlsx",
                "/partners/applications/export?format=csv")) {
            assertThat(admin.download(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void aRepExportsTheirOwnCreditsAsTypedCells() throws Exception {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        CurrentUser colleague = users.newUser(Role.SALES_REP, null);
        UUID account = book.upsert("CRM-" + UUID.randomUUID(), "Crédit Agricole Test " + UUID.randomUUID(), "FR",
                Set.of(), rep.id());
        UUID theirs = book.upsert("CRM-" + UUID.randomUUID(), "Colleague's account " + UUID.randomUUID(), "US",
                Set.of(), colleague.id());
        credit(rep, account, "1234.50", "EUR", "1350.10", LocalDate.of(2026, 11, 3));
        credit(colleague, theirs, "99.00", "USD", "99.00", LocalDate.of(2026, 11, 4));
        PortalClient browser = signedIn(rep);
        assertThat(browser.get("/credits").body()).contains("Export 1 row:");
        try (XSSFWorkbook workbook = xlsx(browser, "/credits/export?format=xlsx")) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(0))).isTrue();
            assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(row.getCell(1).getStringCellValue()).startsWith("Crédit Agricole Test");
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1350.10);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1234.50);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("EUR");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Direct");
        }
    }

    @Test
    void eachExportRefusesTheRolesItsPageRefuses() {
        Map<Role, List<String>> refused = new LinkedHashMap<>();
        refused.put(Role.SALES_REP, List.of("/deals/export", "/review/export", "/review/decisions/export",
                "/review/extensions/export", "/partners/export", "/partners/applications/export"));
        refused.put(Role.PARTNER_ADMIN, List.of("/review/export", "/review/decisions/export",
                "/review/extensions/export", "/partners/export",
                "/partners/applications/export", "/credits/export", "/accounts/export"));
        refused.put(Role.CHANNEL_MANAGER, List.of("/deals/export", "/credits/export"));
        refused.put(Role.PROGRAM_ADMIN, List.of("/deals/export", "/credits/export"));
        PartnerView partner = users.newPartner("US");
        refused.forEach((role, paths) -> {
            PortalClient browser = signedIn(users.newUser(role, role.name().startsWith("PARTNER") ? partner.id() : null));
            for (String path : paths) {
                for (String format : List.of("csv", "xlsx")) {
                    assertThat(browser.download(path + "?format=" + format).statusCode()).as(role + " " + path)
                            .isEqualTo(403);
                }
            }
        });
        PortalClient anonymous = new PortalClient(port);
        assertThat(anonymous.download("/partners/export?format=csv").statusCode()).as("anonymous: to sign in")
                .isEqualTo(302);
    }

    private PortalClient signedIn(CurrentUser user) {
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(user.email(), TestUsers.PASSWORD)).endsWith("/");
        return browser;
    }

    private static String csv(PortalClient browser, String path) {
        HttpResponse<byte[]> response = browser.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        byte[] body = response.body();
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    private static XSSFWorkbook xlsx(PortalClient browser, String path) throws Exception {
        HttpResponse<byte[]> response = browser.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private UUID submit(CurrentUser partnerUser, String customer) throws Exception {
        LinkedMultiValueMap<String, String> deal = new LinkedMultiValueMap<>();
        String word = UUID.randomUUID().toString().substring(0, 8);
        deal.add("customerName", customer);
        deal.add("customerWebsite", "https://www.secretco" + word + ".example");
        deal.add("customerCountry", "US");
        deal.add("contactName", "Jane Doe");
        deal.add("contactEmail", "jane@secretco" + word + ".example");
        deal.add("title", "Secret title");
        deal.add("description", "Forty racks.");
        deal.add("specialization", "INFRASTRUCTURE");
        deal.add("amount", "120,000.00");
        deal.add("currency", "USD");
        deal.add("expectedCloseDate", LocalDate.now().plusMonths(3).toString());
        String location = mvc.perform(post("/deals").params(deal).with(csrf()).with(user(partnerUser))).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(location).as("submitted").startsWith("/deals/");
        return UUID.fromString(location.substring("/deals/".length()));
    }

    private void apply(String company) {
        PortalClient applicant = new PortalClient(port);
        applicant.get("/apply");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("legalName", company);
        form.put("country", "US");
        form.put("website", "https://www.applying" + UUID.randomUUID().toString().substring(0, 8) + ".example");
        form.put("contactName", "Ada Lovelace");
        form.put("contactEmail", "ada-" + UUID.randomUUID() + "@applying.example");
        form.put("contactPhone", "+1 555 0100");
        form.put("message", "We sell servers.");
        HttpResponse<String> response = applicant.post("/apply", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    }

    private void credit(CurrentUser rep, UUID account, String amount, String currency, String amountUsd,
            LocalDate closedOn) {
        jdbc.update("insert into rep_credit (id, rep_id, account_id, source, amount, currency, amount_usd, closed_on, "
                + "recorded_by) values (?, ?, ?, 'DIRECT', ?, ?, ?, ?, ?)", UUID.randomUUID(), rep.id(), account,
                new BigDecimal(amount), currency, new BigDecimal(amountUsd), closedOn, rep.id());
    }
}
