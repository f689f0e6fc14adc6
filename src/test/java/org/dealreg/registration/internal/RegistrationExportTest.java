package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A partner's export of its registrations, downloaded over HTTP as the signed-in partner: the company's rows only,
 * with the list's filter, typed cells in Excel (read back with POI), formula-looking text made inert in CSV, and
 * the download recorded in the audit trail with its row count. A sales rep is refused.
 */
@IntegrationTest
class RegistrationExportTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void anExcelExportHoldsTheCompanysRegistrationsAsTypedCellsAndIsRecorded() throws Exception {
        CurrentUser mine = users.newPartnerUser(users.newPartner("US"));
        CurrentUser theirs = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> other = validDeal();
        other.put("title", "Someone else's deal");
        submitted(mvc, theirs, other);
        UUID first = submitted(mvc, mine, titled("Serveurs pour la société"));
        UUID second = submitted(mvc, mine, titled("Stockage"));
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(mine.email(), TestUsers.PASSWORD)).endsWith("/");

        String list = browser.get("/deals").body();
        assertThat(list).contains("Export 2 rows:").contains("href=\"/deals/export?format=xlsx\"")
                .contains("href=\"/deals/export?format=csv\"");
        assertThat(browser.get("/deals?status=SUBMITTED").body()).as("the filter goes with the export")
                .contains("href=\"/deals/export?format=xlsx&amp;status=SUBMITTED\"");

        HttpResponse<byte[]> response = browser.download("/deals/export?format=xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains("registrations-").contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("Receipt", "Customer name", "Title", "Amount",
                    "Currency", "Status", "Submitted", "Decision due", "Protected until");
            assertThat(sheet.getLastRowNum()).as("a header and two rows").isEqualTo(2);
            // newest first, like the list
            Row newest = sheet.getRow(1);
            assertThat(newest.getCell(2).getStringCellValue()).isEqualTo("Stockage");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Serveurs pour la société");
            assertThat(newest.getCell(0).getStringCellValue()).isEqualTo(receipt(second));
            assertThat(newest.getCell(3).getCellType()).as("the amount is a number").isEqualTo(CellType.NUMERIC);
            assertThat(newest.getCell(3).getNumericCellValue()).isEqualTo(120_000.0);
            assertThat(newest.getCell(4).getStringCellValue()).isEqualTo("USD");
            assertThat(newest.getCell(5).getStringCellValue()).isEqualTo("Awaiting decision");
            assertThat(newest.getCell(6).getCellType()).as("the submission time is a number").isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(newest.getCell(6))).as("with a date format").isTrue();
            Instant submittedAt = jdbc.queryForObject("select submitted_at from registration where id = ?",
                    Instant.class, second);
            LocalDateTime inTheReadersZone = LocalDateTime.ofInstant(submittedAt, ZoneId.of("America/New_York"));
            assertThat(Duration.between(inTheReadersZone, newest.getCell(6).getLocalDateTimeCellValue()).abs())
                    .as("the moment in the reader's time zone").isLessThan(Duration.ofSeconds(1));
            assertThat(newest.getCell(8)).as("not approved: no protection end").isNull();
        }
        String csvAll = new String(browser.download("/deals/export?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csvAll).doesNotContain("Someone else").contains(receipt(first)).contains(receipt(second));

        assertThat(jdbc.queryForList("select details from audit_event where action = 'REGISTRATIONS_EXPORTED' "
                + "and actor_id = ? order by seq", String.class, mine.id()))
                .containsExactly("role=PARTNER_USER format=xlsx status=all rows=2",
                        "role=PARTNER_USER format=csv status=all rows=2");
        assertThat(jdbc.queryForObject("select subject_id from audit_event where action = 'REGISTRATIONS_EXPORTED' "
                + "and actor_id = ? limit 1", String.class, mine.id())).isEqualTo(mine.partnerId().toString());

        assertThat(browser.get("/deals?lang=fr").body()).contains("Exporter 2 lignes :");
        assertThat(new String(browser.download("/deals/export?format=csv").body(), StandardCharsets.UTF_8))
                .as("headers in the reader's language").startsWith("\uFEFFReçu,Nom du client,Intitulé,Montant,");
    }

    @Test
    void aCsvExportKeepsAccentsAndMakesFormulaTextInertAndFollowsTheStatusFilter() throws Exception {
        CurrentUser mine = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = titled("=cmd|' /C calc'!A0");
        deal.put("customerName", "Société Générale Électrique " + UUID.randomUUID().toString().substring(0, 6));
        UUID id = submitted(mvc, mine, deal);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(mine.email(), TestUsers.PASSWORD)).endsWith("/");

        HttpResponse<byte[]> response = browser.download("/deals/export?format=csv&status=SUBMITTED");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = response.body();
        assertThat(body).startsWith(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Receipt,Customer name,Title,Amount,Currency,Status,Submitted,"
                + "Decision due,Protected until");
        assertThat(lines.get(1)).startsWith(receipt(id) + ",Société Générale Électrique ")
                .contains(",'=cmd|' /C calc'!A0,").contains(",120000.00,USD,Awaiting decision,");

        String approvedOnly = new String(browser.download("/deals/export?format=csv&status=APPROVED").body(),
                StandardCharsets.UTF_8);
        assertThat(approvedOnly.lines().toList()).as("the header only").hasSize(1);
        assertThat(browser.download("/deals/export?format=pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void aSalesRepCannotExportPartnersRegistrations() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        submitted(mvc, partner, titled("Not for reps"));
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        for (String format : List.of("csv", "xlsx")) {
            HttpResponse<byte[]> response = browser.download("/deals/export?format=" + format);
            assertThat(response.statusCode()).as(format).isEqualTo(403);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("Not for reps");
        }
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private static Map<String, String> titled(String title) {
        Map<String, String> deal = validDeal();
        deal.put("title", title);
        return deal;
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
