package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dealreg.IntegrationTest;
import org.dealreg.PortalClient;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rep's export of their own accounts, as the list without a search shows them: by name, a colleague's never, the
 * engagement's days as date cells; a partner is refused like on the page.
 */
@IntegrationTest
class AccountExportTest {

    @Autowired TestUsers users;
    @Autowired AccountBook book;
    @Autowired AccountDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void theRepExportsTheirOwnAccountsOnlyWithTheEngagementAsDates() throws Exception {
        CurrentUser rep = users.newUser(Role.SALES_REP, null);
        CurrentUser colleague = users.newUser(Role.SALES_REP, null);
        String word = "Expco" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        UUID engaged = book.upsert("CRM-" + UUID.randomUUID(), word + " Bêta", "FR",
                Set.of("b." + word.toLowerCase() + ".example", "a." + word.toLowerCase() + ".example"), rep.id());
        book.upsert("CRM-" + UUID.randomUUID(), word + " Alpha", "US", Set.of(), rep.id());
        book.upsert("CRM-" + UUID.randomUUID(), word + " Aardvark of a colleague", "US", Set.of(), colleague.id());
        directory.recordContact(engaged, rep);
        LocalDate startedOn = jdbc.queryForObject("select started_on from engagement where account_id = ?",
                LocalDate.class, engaged);

        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(rep.email(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(browser.get("/accounts").body()).contains("Export 2 rows:")
                .contains("href=\"/accounts/export?format=xlsx\"");

        HttpResponse<byte[]> response = browser.download("/accounts/export?format=xlsx");
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Account");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(word + " Alpha");
            Row beta = sheet.getRow(2);
            assertThat(beta.getCell(0).getStringCellValue()).isEqualTo(word + " Bêta");
            assertThat(beta.getCell(2).getStringCellValue()).isEqualTo("France");
            assertThat(beta.getCell(3).getStringCellValue()).isEqualTo("a." + word.toLowerCase() + ".example, b."
                    + word.toLowerCase() + ".example");
            assertThat(beta.getCell(4).getStringCellValue()).isEqualTo("Engaged");
            assertThat(DateUtil.isCellDateFormatted(beta.getCell(5))).isTrue();
            assertThat(beta.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(startedOn);
            assertThat(sheet.getRow(1).getCell(5)).as("no engagement, no day").isNull();
        }
        String csv = new String(browser.download("/accounts/export?format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(word + " Alpha").contains(word + " Bêta").doesNotContain("colleague");

        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        PortalClient partnerBrowser = new PortalClient(port);
        assertThat(partnerBrowser.signIn(partner.email(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(partnerBrowser.download("/accounts/export?format=csv").statusCode()).isEqualTo(403);
    }
}
