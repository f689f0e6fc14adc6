package org.dealreg.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submit;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /admin/specializations}: the catalogue grows, is renamed and retired without a release, audited. */
@IntegrationTest
class SpecializationsAdminTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAddedSpecialisationIsOnTheDealFormARetiredOneLeavesItAndOldRegistrationsKeepItsName() throws Exception {
        String code = newCode();
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));

        MockHttpServletResponse added = call(add(code, "Data protection", "Protection des données", "250,000"));
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin/specializations");
        Map<String, Object> row = jdbc.queryForMap("select * from specialization where code = ?", code);
        assertThat(row.get("name_en")).isEqualTo("Data protection");
        assertThat(row.get("name_fr")).isEqualTo("Protection des données");
        assertThat((BigDecimal) row.get("objective_usd")).isEqualByComparingTo("250000");
        assertThat(row.get("active")).isEqualTo(true);
        assertThat(page(get("/admin/specializations"), ada())).contains("id=\"specialization-" + code + "\"");
        assertThat(page(get("/deals/new"), partner)).contains("value=\"" + code + "\"");

        Map<String, String> deal = validDeal();
        deal.put("specialization", code);
        UUID registered = submitted(mvc, partner, deal);

        assertThat(call(post("/admin/specializations/" + code).param("nameEn", "Data resilience")
                .param("nameFr", "Résilience des données").param("objectiveUsd", "300000")).getRedirectedUrl())
                .isEqualTo("/admin/specializations");
        assertThat(call(post("/admin/specializations/" + code + "/retire")).getRedirectedUrl())
                .isEqualTo("/admin/specializations");

        assertThat(page(get("/deals/new"), partner)).doesNotContain("value=\"" + code + "\"");
        assertThat(submit(mvc, partner, deal)).as("a retired specialisation is refused").isNull();
        assertThat(page(get("/deals/" + registered), partner)).contains("Data resilience");
        assertThat(page(get("/admin/specializations"), ada())).contains("Retired");

        assertThat(call(post("/admin/specializations/" + code + "/reactivate")).getRedirectedUrl())
                .isEqualTo("/admin/specializations");
        assertThat(page(get("/deals/new"), partner)).contains("value=\"" + code + "\"");
        call(post("/admin/specializations/" + code + "/retire"));

        assertThat(jdbc.queryForList("select action from audit_event where subject_type = 'specialization' "
                + "and subject_id = ? order by seq", String.class, code)).containsExactly("SPECIALIZATION_ADDED",
                        "SPECIALIZATION_RENAMED", "SPECIALIZATION_OBJECTIVE_SET", "SPECIALIZATION_RETIRED",
                        "SPECIALIZATION_REACTIVATED", "SPECIALIZATION_RETIRED");
        assertThat(jdbc.queryForObject("select actor_id from audit_event where subject_type = 'specialization' "
                + "and subject_id = ? order by seq limit 1", UUID.class, code)).isEqualTo(ada().id());
    }

    @Test
    void aSpecialisationWithoutNamesADuplicateOrABadCodeOrObjectiveIsRefusedAndNothingChanges() throws Exception {
        String code = newCode();
        long before = count();
        assertThat(page(add(code, "", "Nom", "0"), ada())).contains("id=\"nameEn-error\"").contains("Nothing was stored");
        assertThat(page(add(code, "Name", " ", "0"), ada())).contains("id=\"nameFr-error\"");
        assertThat(page(add(code.toLowerCase(), "Name", "Nom", "0"), ada())).contains("id=\"code-error\"");
        assertThat(page(add("", "Name", "Nom", "0"), ada())).contains("id=\"code-error\"");
        assertThat(page(add(code, "Name", "Nom", "-1"), ada())).contains("id=\"objectiveUsd-error\"");
        assertThat(page(add("INFRASTRUCTURE", "Name", "Nom", "0"), ada())).contains("id=\"code-error\"")
                .contains("exists already");
        assertThat(count()).isEqualTo(before);

        String renamed = page(post("/admin/specializations/INFRASTRUCTURE").param("nameEn", "")
                .param("nameFr", "").param("objectiveUsd", "1"), ada());
        assertThat(renamed).contains("id=\"nameEn-error\"").contains("id=\"nameFr-error\"");
        Map<String, Object> infrastructure = jdbc.queryForMap("select * from specialization where code = 'INFRASTRUCTURE'");
        assertThat(infrastructure.get("name_en")).isEqualTo("Infrastructure");
        assertThat((BigDecimal) infrastructure.get("objective_usd")).isEqualByComparingTo("1500000");
        assertThat(call(get("/admin/specializations/NOPE")).getStatus()).isEqualTo(404);
    }

    private MockHttpServletRequestBuilder add(String code, String nameEn, String nameFr, String objective) {
        return post("/admin/specializations").param("code", code).param("nameEn", nameEn).param("nameFr", nameFr)
                .param("objectiveUsd", objective);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder("TEST_");
        Random random = new Random();
        for (int i = 0; i < 10; i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.toString();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from specialization", Long.class);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(ada()))).andReturn().getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(user))).andReturn().getResponse().getContentAsString();
    }

    private CurrentUser ada() {
        return users.byEmail("ada@dealreg.example");
    }
}
