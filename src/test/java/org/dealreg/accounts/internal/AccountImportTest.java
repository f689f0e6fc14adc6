package org.dealreg.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class AccountImportTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void goodRowsAreImportedAndEachBadRowIsReportedWithItsReason() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                crm_id,name,country,domains,owner_email
                IMP-%1$s-1,Wonka Industries Inc.,US,wonka-%1$s.example;www.wonkabars-%1$s.example,sam@dealreg.example
                IMP-%1$s-2,"Boulangerie Dupont, SARL",FR,,sam@dealreg.example
                IMP-%1$s-3,Bad Country Corp,XX,,sam@dealreg.example
                IMP-%1$s-4,Nobody Owns Me,US,,nobody@dealreg.example
                IMP-%1$s-5,,US,,sam@dealreg.example
                IMP-%1$s-1,Wonka Again,US,,sam@dealreg.example
                IMP-%1$s-6,Bad Domain Ltd,US,not a domain,sam@dealreg.example
                IMP-%1$s-7,Partner Is No Rep,US,,bob@northwind.example
                """.formatted(run);

        String report = upload(csv);
        assertThat(report).contains("2 rows accepted (2 new accounts, 0 updated), 6 rejected.")
                .contains("“XX” is not a country code")
                .contains("“nobody@dealreg.example” is not a sales rep")
                .contains("The name is missing")
                .contains("This CRM id already appears on line 2 of the file.")
                .contains("“not a domain” is not a domain")
                .contains("“bob@northwind.example” is not a sales rep");
        assertThat(jdbc.queryForList("select name from direct_account where crm_id like ? order by crm_id", String.class,
                "IMP-" + run + "-%")).containsExactly("Wonka Industries Inc.", "Boulangerie Dupont, SARL");
        assertThat(jdbc.queryForList("select d.domain from direct_account_domain d join direct_account a on a.id = d.account_id "
                + "where a.crm_id = ? order by d.domain", String.class, "IMP-" + run + "-1"))
                .containsExactly("wonka-" + run + ".example", "wonkabars-" + run + ".example");
        assertThat(jdbc.queryForObject("select normalised_name from direct_account where crm_id = ?", String.class,
                "IMP-" + run + "-2")).isEqualTo("boulangerie dupont");

        String again = upload(csv);
        assertThat(again).as("importing the same file twice changes nothing")
                .contains("2 rows accepted (0 new accounts, 2 updated), 6 rejected.");
        assertThat(jdbc.queryForObject("select count(*) from direct_account where crm_id like ?", Long.class,
                "IMP-" + run + "-%")).isEqualTo(2);

        String moved = upload("""
                crm_id,name,country,domains,owner_email
                IMP-%1$s-1,Wonka Industries Inc.,US,wonka-%1$s.example,sam@dealreg.example
                IMP-%1$s-2,Boulangerie Dupont,FR,dupont-%1$s.example,sam@dealreg.example
                """.formatted(run));
        assertThat(moved).contains("2 rows accepted (0 new accounts, 2 updated), 0 rejected.");
        assertThat(jdbc.queryForList("select a.crm_id || ' ' || d.domain from direct_account_domain d "
                + "join direct_account a on a.id = d.account_id where a.crm_id like ? order by 1", String.class,
                "IMP-" + run + "-%")).as("a domain left out is removed, a new one added")
                .containsExactly("IMP-" + run + "-1 wonka-" + run + ".example", "IMP-" + run + "-2 dupont-" + run + ".example");
        assertThat(jdbc.queryForObject("select name from direct_account where crm_id = ?", String.class,
                "IMP-" + run + "-2")).isEqualTo("Boulangerie Dupont");
    }

    @Test
    void aFileThatIsNotTheExpectedCsvIsRefusedWhole() throws Exception {
        long before = jdbc.queryForObject("select count(*) from direct_account", Long.class);
        assertThat(upload("just some text\nwith no header we know\n")).contains("is not a CSV with the columns");
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe, 1, 2};
        assertThat(uploadBytes(binary)).contains("nothing was imported");
        assertThat(uploadBytes(new byte[0])).contains("Choose a CSV file to import.");
        assertThat(jdbc.queryForObject("select count(*) from direct_account", Long.class)).isEqualTo(before);
    }

    private String upload(String csv) throws Exception {
        return uploadBytes(csv.getBytes(StandardCharsets.UTF_8));
    }

    private String uploadBytes(byte[] content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "accounts.csv", "text/csv", content);
        return mvc.perform(multipart("/admin/accounts/import").file(file).with(csrf())
                .with(user(users.byEmail("ada@dealreg.example")))).andReturn().getResponse().getContentAsString();
    }
}
