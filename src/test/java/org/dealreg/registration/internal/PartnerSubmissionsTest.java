package org.dealreg.registration.internal;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registering without the browser (the demo's history does) keeps every rule of the form. */
@IntegrationTest
class PartnerSubmissionsTest {

    @Autowired PartnerSubmissions submissions;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDealRegisteredWithoutTheFormIsStoredAsTheFormStoresIt() {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submissions.submit(partner, deal("jane@vantablack.example", "120000"));

        Map<String, Object> row = jdbc.queryForMap("select * from registration where id = ?", id);
        assertThat(row.get("status")).isEqualTo("SUBMITTED");
        assertThat(row.get("partner_id")).isEqualTo(partner.partnerId());
        assertThat((String) row.get("receipt_number")).matches("DR-\\d{4}-\\d{6}");
        assertThat((String) row.get("customer_name")).startsWith("v1:").doesNotContain("Vantablack");
        assertThat(jdbc.queryForObject("select count(*) from customer_claim where registration_id = ?", Long.class, id))
                .isOne();

        submissions.withdraw(partner, id, ((Number) row.get("version")).intValue());
        assertThat(jdbc.queryForObject("select status from registration where id = ?", String.class, id))
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void whatTheFormWouldRefuseIsRefusedAndNothingIsStored() {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));

        assertThatThrownBy(() -> submissions.submit(partner, deal("not an e-mail", "120000")))
                .isInstanceOfSatisfying(RulesBroken.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field).containsExactly("contactEmail"));
        assertThatThrownBy(() -> submissions.submit(partner, deal("jane@vantablack.example", "1000")))
                .isInstanceOfSatisfying(RulesBroken.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::code).containsExactly("deal.amount.belowMinimum"));
        assertThat(jdbc.queryForObject("select count(*) from registration where partner_id = ?", Long.class,
                partner.partnerId())).isZero();
    }

    private static DealToRegister deal(String contactEmail, String amount) {
        String customer = "Vantablack" + UUID.randomUUID().toString().substring(0, 8);
        return new DealToRegister(customer + " Inc.", null, "US", "Springfield", "Jane Doe", contactEmail, null,
                "Data centre refresh", "Forty racks.", "INFRASTRUCTURE", new BigDecimal(amount), "USD",
                LocalDate.now().plusMonths(3), null);
    }
}
