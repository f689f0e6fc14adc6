package org.dealreg.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The trail as a person reads it: words, names, and narrowed by who, what kind, on what and which days. */
@IntegrationTest
class AuditFilterTest {

    @LocalServerPort int port;
    @Autowired TestUsers users;
    @Autowired PartnerSubmissions submissions;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditSealer sealer;

    @Test
    void aRegistrationsEventsAreFoundByItsReceiptAndReadInWords() throws Exception {
        PartnerView partner = users.newPartner("US");
        CurrentUser submitter = users.newPartnerUser(partner);
        String customer = "Auditco " + UUID.randomUUID().toString().substring(0, 8);
        UUID id = submissions.submit(submitter, new DealToRegister(customer + " Inc.", null, "US", "Springfield",
                "Jane Doe", "jane@" + customer.replace(" ", "").toLowerCase() + ".example", null, "Refresh", "Racks.",
                "INFRASTRUCTURE", new BigDecimal("120000"), "USD", LocalDate.now().plusMonths(3), null));
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
        sealer.sealCommitted();

        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);
        PortalClient browser = new PortalClient(port);
        browser.signIn(admin.email(), TestUsers.PASSWORD);

        String page = browser.get("/admin/audit?subject=" + receipt).body();
        String rows = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
        assertThat(page).contains("1 event matches").contains("id=\"chain-intact\"");
        assertThat(rows).contains("Registration submitted").contains(">" + receipt + "<").doesNotContain("Signed in");
        assertThat(page).as("the submitter by name").contains("Test PARTNER_USER");
        assertThat(page).as("the registration's encrypted text is not in the trail").doesNotContain(customer);

        String mine = browser.get("/admin/audit?who=" + URLEncoder.encode(admin.email(), StandardCharsets.UTF_8)
                + "&action=LOGIN_SUCCEEDED").body();
        assertThat(mine).contains("1 event matches");
        assertThat(mine.substring(mine.indexOf("<tbody>"), mine.indexOf("</tbody>"))).contains("Signed in");
        assertThat(browser.get("/admin/audit?subject=" + receipt + "&to=" + LocalDate.now().minusDays(2)).body())
                .contains("No event matches");
        assertThat(browser.get("/admin/audit?subject=" + receipt + "&from=" + LocalDate.now().minusDays(1)
                + "&to=" + LocalDate.now().plusDays(1)).body()).contains("1 event matches");
        assertThat(browser.get("/admin/audit?action=NOT_AN_ACTION&subject=" + receipt).body())
                .as("an unknown kind is no filter").contains("1 event matches");
        assertThat(browser.get("/admin/audit?subject=" + receipt + "&from=yesterday").body())
                .as("a day that is no day is no filter").contains("1 event matches");
        assertThat(page).contains("Export 1 row");
        var file = browser.download("/admin/audit/export?format=xlsx&subject=" + receipt);
        assertThat(file.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("the header and the one event the filter keeps").isEqualTo(1);
            var row = sheet.getRow(1);
            assertThat(row.getCell(1).getCellType()).as("the moment is a date cell")
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo("Registration submitted");
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo(receipt);
        }
        assertThat(browser.get("/admin/audit?subject=" + receipt + "&lang=fr").body())
                .contains("Enregistrement soumis").contains("1 événement correspond");
    }
}
