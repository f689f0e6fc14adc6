package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A contact's personal-data request (GDPR articles 15 and 17): a programme admin finds every registration holding
 * the contact's e-mail, however it was typed, exports what they hold, and erases it; every step is in the audit trail,
 * and nobody else reaches the page.
 */
@IntegrationTest
class PersonalDataRequestTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ContactEmails contactEmails;

    @Test
    void anAdminFindsExportsAndErasesEveryRegistrationHoldingTheAddressAndTheTrailSaysSo() throws Exception {
        String address = "ana.lima-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        CurrentUser first = users.newPartnerUser(users.newPartner("US"));
        CurrentUser second = users.newPartnerUser(users.newPartner("US"));
        UUID a = submitted(mvc, first, withContact("Ana Lima", address, "+1 555 0101"));
        UUID b = submitted(mvc, second, withContact("Ana Lima", address.toUpperCase(), "+1 555 0102"));
        UUID other = submitted(mvc, first, validDeal());
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);

        String page = as(admin, post("/admin/personal-data").param("email", "  Ana.LIMA" + address.substring(8) + " "))
                .getContentAsString();
        assertThat(page).contains("2 registrations hold this address").contains(receipt(a)).contains(receipt(b))
                .doesNotContain(receipt(other));

        MockHttpServletResponse csv = as(admin, post("/admin/personal-data/export").param("email", address)
                .param("format", "csv"));
        assertThat(csv.getStatus()).isEqualTo(200);
        String file = csv.getContentAsString(StandardCharsets.UTF_8);
        assertThat(file).contains("Contact e-mail").contains(receipt(a)).contains(receipt(b))
                .contains("Ana Lima").contains(address).contains(address.toUpperCase())
                .contains("+1 555 0101").contains("+1 555 0102").doesNotContain(receipt(other));

        MockHttpServletResponse unconfirmed = as(admin, erase(address, a, b));
        assertThat(unconfirmed.getContentAsString()).contains("id=\"confirm-missing\"");
        assertKept(a);

        MockHttpServletResponse erased = as(admin, erase(address, a, b).param("confirmed", "true"));
        assertThat(erased.getRedirectedUrl()).isEqualTo("/admin/personal-data");
        for (UUID id : List.of(a, b)) {
            Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
            assertThat(row.get("contact_name")).isNull();
            assertThat(row.get("contact_email")).isNull();
            assertThat(row.get("contact_phone")).isNull();
            assertThat(row.get("contact_email_index")).isNull();
            assertThat(row.get("personal_data_erased_at")).isNotNull();
            assertThat(row.get("status")).as("still open, still the partner's").isEqualTo("SUBMITTED");
        }
        assertKept(other);
        assertThat(as(admin, post("/admin/personal-data").param("email", address)).getContentAsString())
                .contains("No registration holds this address");

        String index = contactEmails.index(address);
        assertThat(jdbc.queryForList("select details from audit_event where action = 'PERSONAL_DATA_SEARCHED' "
                + "and actor_id = ? and subject_type = 'contact' and subject_id = ?", String.class, admin.id(), index))
                .as("each search, the address itself never").hasSize(3).allSatisfy(d -> assertThat(d).doesNotContain("lima"));
        for (UUID id : List.of(a, b)) {
            assertThat(actions(id, admin)).contains("PERSONAL_DATA_EXPORTED", "PERSONAL_DATA_ERASED");
            assertThat(jdbc.queryForObject("select details from audit_event where action = 'PERSONAL_DATA_ERASED' "
                    + "and subject_id = ?", String.class, id.toString())).contains("by=request");
        }
        assertThat(actions(other, admin)).isEmpty();
    }

    @Test
    void onlyTheListedRegistrationsThatHoldTheAddressAreErased() throws Exception {
        String address = "lee-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID holding = submitted(mvc, partner, withContact("Lee Chan", address, "+1 555 0103"));
        UUID notHolding = submitted(mvc, partner, validDeal());
        CurrentUser admin = users.newUser(Role.PROGRAM_ADMIN, null);

        as(admin, erase(address, notHolding).param("confirmed", "true"));
        assertKept(notHolding);
        assertKept(holding);
    }

    @Test
    void registrationsSubmittedBeforeTheIndexExistedAreIndexedOnceAndFound() throws Exception {
        String address = "old-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID old = submitted(mvc, partner, withContact("Old Timer", address, "+1 555 0104"));
        jdbc.update("update registration set contact_email_index = null where id = ?", old);

        contactEmails.indexThoseSubmittedBefore();

        assertThat(jdbc.queryForObject("select contact_email_index from registration where id = ?", String.class, old))
                .isEqualTo(contactEmails.index(address));
    }

    @Test
    void nobodyButAProgrammeAdminReachesThePage() throws Exception {
        CurrentUser partnerAdmin = users.newUser(Role.PARTNER_ADMIN, users.newPartner("US").id());
        for (CurrentUser someone : List.of(partnerAdmin, users.newUser(Role.CHANNEL_MANAGER, null),
                users.newUser(Role.SALES_REP, null))) {
            assertThat(as(someone, get("/admin/personal-data")).getStatus()).as(someone.role().name()).isEqualTo(403);
            assertThat(as(someone, post("/admin/personal-data/export").param("email", "x@customer.example")
                    .param("format", "csv")).getStatus()).isEqualTo(403);
            assertThat(as(someone, post("/admin/personal-data").param("email", "x@customer.example")).getStatus())
                    .isEqualTo(403);
        }
        assertThat(as(users.newUser(Role.PROGRAM_ADMIN, null), get("/admin")).getContentAsString())
                .contains("/admin/personal-data");
    }

    private MockHttpServletRequestBuilder erase(String address, UUID... registrations) {
        MockHttpServletRequestBuilder request = post("/admin/personal-data/erase").param("email", address);
        for (UUID id : registrations) {
            request.param("registration", id.toString());
        }
        return request;
    }

    private MockHttpServletResponse as(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(user(user))).andReturn().getResponse();
    }

    private static Map<String, String> withContact(String name, String email, String phone) {
        Map<String, String> deal = validDeal();
        deal.put("contactName", name);
        deal.put("contactEmail", email);
        deal.put("contactPhone", phone);
        return deal;
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private void assertKept(UUID id) {
        assertThat(jdbc.queryForObject("select contact_email is not null and contact_email_index is not null "
                + "and personal_data_erased_at is null from registration where id = ?", Boolean.class, id)).isTrue();
    }

    private List<String> actions(UUID registration, CurrentUser by) {
        return jdbc.queryForList("select action from audit_event where subject_id = ? and actor_id = ?", String.class,
                registration.toString(), by.id());
    }
}
