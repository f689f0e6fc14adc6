package org.dealreg.program.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submit;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /admin/settings}: all or nothing, a message on each refused field, audited, for new submissions only. */
@IntegrationTest
class SettingsAdminTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProgramSettings settings;

    @Test
    void theAdminSeesEverySettingAndThatChangesApplyToNewSubmissionsOnly() throws Exception {
        String page = mvc.perform(get("/admin/settings").with(user(ada()))).andReturn().getResponse()
                .getContentAsString();
        for (Setting setting : Setting.values()) {
            assertThat(page).contains("id=\"" + setting.key() + "\"");
        }
        assertThat(page).contains("id=\"settings-new-only\"").contains("Changes apply to new submissions only");
        assertThat(page).contains("Minimum deal size (USD)").contains("value=\"" + settings.value(Setting.MINIMUM_DEAL_USD) + "\"");
    }

    @Test
    void eachKindOfOutOfRangeValueIsRefusedOnItsFieldAndNothingChangesNotEvenTheValidOnes() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("minimum-deal-usd", "0");
        bad.put("decision-hours-clear", "0");
        bad.put("decision-hours-other", "-5");
        bad.put("protection-days", "0");
        bad.put("extension-days", "abc");
        bad.put("max-extensions", "11");
        bad.put("open-cap-registered", "0");
        bad.put("payment-terms-certified", "121");
        bad.put("weak-match-threshold", "0.2");
        bad.put("prechecks-per-hour", "0");
        bad.put("fiscal-year-start-month", "13");
        bad.put("personal-data-retention-months", "0");
        bad.put("clock-mode", "WHENEVER");
        bad.put("breach-policy", "AUTO_APPROVE_ALL");
        Map<String, String> before = stored();
        long audited = auditedChanges();

        for (Map.Entry<String, String> refused : bad.entrySet()) {
            Map<String, String> post = new LinkedHashMap<>(before);
            post.put("engagement-lapse-days", "181");
            post.put(refused.getKey(), refused.getValue());
            MockHttpServletResponse response = mvc.perform(form(post).with(user(ada()))).andReturn().getResponse();

            assertThat(response.getStatus()).as(refused.getKey()).isEqualTo(200);
            assertThat(response.getContentAsString()).as(refused.getKey())
                    .contains("id=\"" + refused.getKey() + "-error\"")
                    .contains("Nothing was changed")
                    .contains("value=\"181\"");
            assertThat(stored()).as("nothing stored after " + refused.getKey()).isEqualTo(before);
        }
        assertThat(auditedChanges()).isEqualTo(audited);
    }

    @Test
    void theRefusalIsWrittenInTheAdminsLanguageWithTheBoundsAsTheyAreTyped() throws Exception {
        Map<String, String> post = new LinkedHashMap<>(stored());
        post.put("weak-match-threshold", "0.2");
        String page = mvc.perform(form(post).param("lang", "fr").with(user(ada()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Saisissez un nombre de 0.30 à 0.95").contains("Rien n’a été modifié");
    }

    @Test
    void aPossibleConflictCannotGetLessTimeThanAClearRegistration() throws Exception {
        Map<String, String> post = new LinkedHashMap<>(stored());
        post.put("decision-hours-clear", "48");
        post.put("decision-hours-other", "24");
        String page = mvc.perform(form(post).with(user(ada()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"decision-hours-other-error\"").contains("cannot be shorter");
        assertThat(settings.value(Setting.DECISION_HOURS_CLEAR)).isEqualTo("24");
    }

    @Test
    void aValidChangeIsStoredAuditedAndAppliesToTheNextSubmissionOnly() throws Exception {
        CurrentUser ada = ada();
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> small = validDeal();
        small.put("amount", "60,000");
        String refused = submit(mvc, partner, small);
        assertThat(refused).as("below the minimum in force").isNull();
        UUID earlier = submitted(mvc, partner, validDeal());

        Map<String, String> post = new LinkedHashMap<>(stored());
        post.put("minimum-deal-usd", "50000");
        post.put("decision-hours-clear", "30");
        post.remove("protection-days");
        post.put("partnerId", UUID.randomUUID().toString());
        try {
            MockHttpServletResponse saved = mvc.perform(form(post).with(user(ada))).andReturn().getResponse();
            assertThat(saved.getRedirectedUrl()).as("a post without protection-days is incomplete").isNull();
            assertThat(settings.value(Setting.MINIMUM_DEAL_USD)).isEqualTo("75000");

            post.put("protection-days", settings.value(Setting.PROTECTION_DAYS));
            saved = mvc.perform(form(post).with(user(ada))).andReturn().getResponse();
            assertThat(saved.getRedirectedUrl()).isEqualTo("/admin/settings");

            assertThat(settings.value(Setting.MINIMUM_DEAL_USD)).isEqualTo("50000");
            assertThat(settings.value(Setting.DECISION_HOURS_CLEAR)).isEqualTo("30");
            assertThat(jdbc.queryForObject("select updated_by from program_setting where name = 'minimum-deal-usd'",
                    String.class)).isEqualTo(ada.email());
            Map<String, Object> audit = jdbc.queryForMap("select actor_id, actor_label, details from audit_event "
                    + "where action = 'SETTING_CHANGED' and subject_id = 'minimum-deal-usd' order by seq desc limit 1");
            assertThat(audit.get("actor_id")).isEqualTo(ada.id());
            assertThat(audit.get("details")).isEqualTo("from=75000 to=50000");
            assertThat(mvc.perform(get("/admin/settings").with(user(ada))).andReturn().getResponse()
                    .getContentAsString()).contains("by " + ada.email());

            UUID later = submitted(mvc, partner, small);
            assertThat(window(later)).as("the next submission gets the new window").isEqualTo(Duration.ofHours(30));
            assertThat(window(earlier)).as("an earlier registration keeps its due time").isEqualTo(Duration.ofHours(24));
        } finally {
            settings.change(Setting.MINIMUM_DEAL_USD, "75000");
            settings.change(Setting.DECISION_HOURS_CLEAR, "24");
        }
    }

    @Test
    void aPostThatChangesNothingSaysSoAndAuditsNothing() throws Exception {
        long audited = auditedChanges();
        MockHttpServletResponse response = mvc.perform(form(stored()).with(user(ada()))).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/admin/settings");
        assertThat(auditedChanges()).isEqualTo(audited);
    }

    @Test
    void everySettingAndChoiceHasALabelInEnglishAndFrench() throws Exception {
        for (String bundle : List.of("messages.properties", "messages_fr.properties")) {
            Properties texts = load(bundle);
            for (Setting setting : Setting.values()) {
                assertThat(texts.getProperty("admin.setting." + setting.key())).as(bundle + " " + setting).isNotBlank();
                for (String choice : SettingRules.choices(setting)) {
                    assertThat(texts.getProperty("admin.choice." + choice)).as(bundle + " " + choice).isNotBlank();
                }
            }
        }
    }

    /**
     * Two admins with the page open: the second save writes only what its admin changed, so it never undoes the
     * first; a setting both changed is refused with the value now in force.
     */
    @Test
    void aSaveFromAPageOpenedBeforeAnotherAdminsChangeWritesOnlyWhatItsAdminChanged() throws Exception {
        Map<String, String> shownToA = stored();
        Map<String, String> before = stored();
        try {
            Map<String, String> b = new LinkedHashMap<>(before);
            b.put("minimum-deal-usd", "60000");
            mvc.perform(form(withShown(b, before)).with(user(ada())));
            assertThat(settings.value(Setting.MINIMUM_DEAL_USD)).isEqualTo("60000");

            Map<String, String> a = new LinkedHashMap<>(shownToA);
            a.put("protection-days", "91");
            mvc.perform(form(withShown(a, shownToA)).with(user(ada())));
            assertThat(settings.value(Setting.PROTECTION_DAYS)).isEqualTo("91");
            assertThat(settings.value(Setting.MINIMUM_DEAL_USD)).as("the other admin's change stays").isEqualTo("60000");

            Map<String, String> clash = new LinkedHashMap<>(shownToA);
            clash.put("minimum-deal-usd", "70000");
            String page = mvc.perform(form(withShown(clash, shownToA)).with(user(ada()))).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("Another admin changed this setting while you were on the page; it is now 60000.");
            assertThat(settings.value(Setting.MINIMUM_DEAL_USD)).isEqualTo("60000");
        } finally {
            settings.change(Setting.MINIMUM_DEAL_USD, before.get("minimum-deal-usd"));
            settings.change(Setting.PROTECTION_DAYS, before.get("protection-days"));
        }
    }

    private static Map<String, String> withShown(Map<String, String> values, Map<String, String> shown) {
        Map<String, String> post = new LinkedHashMap<>(values);
        shown.forEach((key, value) -> post.put("shown." + key, value));
        return post;
    }

    private CurrentUser ada() {
        return users.byEmail("ada@dealreg.example");
    }

    private Map<String, String> stored() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("select name, value from program_setting order by name",
                rs -> {
                    values.put(rs.getString("name"), rs.getString("value"));
                });
        return values;
    }

    private long auditedChanges() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'SETTING_CHANGED'", Long.class);
    }

    private Duration window(UUID registration) {
        Map<String, Object> row = jdbc.queryForMap(
                "select submitted_at, decision_due_at from registration where id = ?", registration);
        return Duration.between(((java.sql.Timestamp) row.get("submitted_at")).toInstant(),
                ((java.sql.Timestamp) row.get("decision_due_at")).toInstant());
    }

    private static MockHttpServletRequestBuilder form(Map<String, String> values) {
        MockHttpServletRequestBuilder request = post("/admin/settings").with(csrf());
        values.forEach(request::param);
        return request;
    }

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = SettingsAdminTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
