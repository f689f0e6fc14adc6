package org.dealreg.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.internal.DealRegistrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The trail records who did what, never what a partner typed, cannot be changed, and shows where it was (DESIGN §9). */
@IntegrationTest
class AuditTrailTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail trail;
    @Autowired ProgramSettings settings;
    @Autowired TransactionTemplate transactions;

    @Test
    void aSubmissionAndItsDecisionAreRecordedWithWhoAndTheReceiptButNothingThePartnerTyped() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        Map<String, String> deal = validDeal();
        String location = DealRegistrationTestSupport.submit(mvc, partner, deal);
        UUID id = UUID.fromString(location.substring("/deals/".length()));
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);

        mvc.perform(post("/review/" + id + "/approve").param("version", version(jdbc, id)).with(csrf()).with(user(maria)));

        List<Map<String, Object>> rows = jdbc.queryForList("select action, actor_id, details from audit_event "
                + "where subject_type = 'registration' and subject_id = ? order by seq", id.toString());
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("REGISTRATION_SUBMITTED", "REGISTRATION_APPROVED");
        assertThat(rows.get(0).get("actor_id")).isEqualTo(partner.id());
        assertThat((String) rows.get(0).get("details")).contains("receipt=" + receipt);
        assertThat(rows.get(1).get("actor_id")).isEqualTo(maria.id());
        String everything = String.join(" ", jdbc.queryForList(
                "select concat_ws(' ', actor_label, subject_id, details) from audit_event", String.class));
        assertThat(everything).doesNotContain(deal.get("customerName")).doesNotContain(deal.get("contactEmail"))
                .doesNotContain(deal.get("description"));
    }

    @Test
    void signInsRefusalsAndSettingChangesAreRecorded() throws Exception {
        long before = lastSeq();
        mvc.perform(post("/login").param("email", "nobody-" + UUID.randomUUID() + "@example.com")
                .param("password", "wrong").with(csrf()));
        mvc.perform(post("/login").param("email", "maria@dealreg.example").param("password", "demo-password")
                .with(csrf()));
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        mvc.perform(get("/deals").with(user(sam)));
        settings.change(Setting.PRECHECKS_PER_HOUR, "31");
        settings.change(Setting.PRECHECKS_PER_HOUR, "30");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select action, actor_id, actor_label, subject_id, details from audit_event where seq > ? order by seq", before);
        assertThat(rows).extracting(r -> r.get("action"))
                .containsSubsequence("LOGIN_FAILED", "LOGIN_SUCCEEDED", "ACCESS_DENIED", "SETTING_CHANGED", "SETTING_CHANGED");
        Map<String, Object> denied = rows.stream().filter(r -> r.get("action").equals("ACCESS_DENIED")).findFirst().orElseThrow();
        assertThat(denied.get("actor_id")).isEqualTo(sam.id());
        assertThat(denied.get("subject_id")).isEqualTo("GET /deals");
        Map<String, Object> failed = rows.stream().filter(r -> r.get("action").equals("LOGIN_FAILED")).findFirst().orElseThrow();
        assertThat(failed.get("actor_id")).isNull();
        assertThat((String) failed.get("actor_label")).startsWith("nobody-");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("subject_id")).isEqualTo("prechecks-per-hour");
            assertThat(r.get("details")).isEqualTo("from=30 to=31");
        });
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        long seq = trail.append(null, "", "TEST_EVENT", "", "", "").seq();
        awaitSealed(seq);
        assertThatThrownBy(() -> jdbc.update("update audit_event set action = 'HIDDEN' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_event set seal_seq = seal_seq + 1000000, prev_hash = hash, "
                + "hash = repeat('0', 64) where seq = ?", seq))
                .as("a sealed row cannot be sealed again").isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void anUnsealedRowCanBeSealedButNotChanged() {
        // inside a transaction that never commits, so the sealer cannot take the row first
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            long seq = trail.append(null, "", "TEST_EVENT", "test", "unsealed", "amount=100").seq();
            jdbc.update("update audit_event set details = 'amount=1', seal_seq = 1000000, prev_hash = repeat('0', 64), "
                    + "hash = repeat('1', 64) where seq = ?", seq);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            long seq = trail.append(null, "", "TEST_EVENT", "test", "unsealed", "amount=100").seq();
            jdbc.update("update audit_event set details = 'amount=1' where seq = ?", seq);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredBehindTheApplicationsBackBreaksTheChainThereAndThePageSaysWhere() throws Exception {
        AuditEntry victim = trail.append(null, "", "TEST_EVENT", "test", "victim", "amount=100");
        awaitSealed(trail.append(null, "", "TEST_EVENT", "test", "after", "").seq());
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        assertThat(trail.verify().intact()).isTrue();
        assertThat(page(ada)).contains("id=\"chain-intact\"");

        // someone with the database's superuser rights turns the trigger off and edits a row
        jdbc.execute("alter table audit_event disable trigger audit_event_no_update_or_delete");
        try {
            jdbc.update("update audit_event set details = 'amount=1' where seq = ?", victim.seq());
            AuditTrail.Verification broken = trail.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(victim.seq());
            assertThat(broken.problem()).isEqualTo("altered");
            assertThat(page(ada)).contains("id=\"chain-broken\"")
                    .contains("The chain breaks at event #" + victim.seq() + ": its content was altered");
        } finally {
            jdbc.update("update audit_event set details = 'amount=100' where seq = ?", victim.seq());
            jdbc.execute("alter table audit_event enable trigger audit_event_no_update_or_delete");
        }
        assertThat(trail.verify().intact()).as("restored").isTrue();
    }

    @Test
    void onlyTheProgrammeAdminSeesTheTrail() throws Exception {
        for (String email : List.of("maria@dealreg.example", "sam@dealreg.example", "bob@northwind.example")) {
            assertThat(mvc.perform(get("/admin/audit").with(user(users.byEmail(email)))).andReturn().getResponse()
                    .getStatus()).isEqualTo(403);
        }
    }

    private String page(CurrentUser user) throws Exception {
        return mvc.perform(get("/admin/audit").with(user(user))).andReturn().getResponse().getContentAsString();
    }

    private void awaitSealed(long seq) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select seal_seq is not null from audit_event where seq = ?", Boolean.class, seq));
    }

    private long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
    }

}
