package org.dealreg.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submit;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.dealreg.GenerousCapsForTests;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.partners.PartnerView;
import org.dealreg.program.ExchangeRates;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.dealreg.registration.ManagerReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Registered and Certified partners feel the difference (DESIGN.md §2): the cap of open registrations, payment
 * terms, the logo and the objectives; channel managers promote, demote and suspend with a reason the partner's
 * admins receive.
 */
@IntegrationTest
class PartnerProgrammeTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProgramSettings settings;
    @Autowired ManagerReview review;
    @Autowired ExchangeRates rates;

    @Test
    void theCapOfOpenRegistrationsDependsOnTheTierAndARefusalSaysTheCapAndHowManyAreOpen() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser bob = users.newPartnerUser(company);
        settings.change(Setting.OPEN_CAP_REGISTERED, "2");
        settings.change(Setting.OPEN_CAP_CERTIFIED, "3");
        try {
            UUID first = submitted(mvc, bob, validDeal());
            submitted(mvc, bob, validDeal());

            String refused = mvc.perform(post("/deals").params(params(validDeal())).with(csrf()).with(user(bob)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(refused).contains("Your company has 2 open registrations (submitted or approved); a Registered "
                    + "partner may hold 2 at once.");
            assertThat(open(company)).isEqualTo(2);
            assertThat(mvc.perform(get("/deals/new").with(user(bob))).andReturn().getResponse().getContentAsString())
                    .contains("id=\"cap-reached\"");

            certify(company);
            submitted(mvc, bob, validDeal());
            assertThat(open(company)).isEqualTo(3);
            assertThat(submit(mvc, bob, validDeal())).as("a Certified partner's cap is 3 here").isNull();

            mvc.perform(post("/deals/{id}/withdraw", first).param("version", version(jdbc, first)).with(csrf())
                    .with(user(bob)));
            submitted(mvc, bob, validDeal());
            assertThat(open(company)).as("a withdrawal frees a place").isEqualTo(3);
        } finally {
            settings.change(Setting.OPEN_CAP_REGISTERED, GenerousCapsForTests.CAP);
            settings.change(Setting.OPEN_CAP_CERTIFIED, GenerousCapsForTests.CAP);
        }
    }

    @Test
    void theProfileShowsTheTiersBenefitsAndOnlyACertifiedPartnerDownloadsTheLogo() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        settings.change(Setting.OPEN_CAP_REGISTERED, "10");
        settings.change(Setting.OPEN_CAP_CERTIFIED, "30");
        try {
            profileAndLogo(company, admin);
        } finally {
            settings.change(Setting.OPEN_CAP_REGISTERED, GenerousCapsForTests.CAP);
            settings.change(Setting.OPEN_CAP_CERTIFIED, GenerousCapsForTests.CAP);
        }
    }

    private void profileAndLogo(PartnerView company, CurrentUser admin) throws Exception {
        String registered = page(get("/partner/profile"), admin);
        assertThat(registered).contains("Net 30 days").contains("0 open of 10").contains("id=\"logo-none\"");
        MockHttpServletResponse refused = call(get("/partner/profile/logo.svg"), admin);
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("Your company is a Registered partner");

        certify(company);
        String certified = page(get("/partner/profile"), admin);
        assertThat(certified).contains("Net 45 days").contains("0 open of 30").contains("id=\"logo-download\"");
        MockHttpServletResponse logo = call(get("/partner/profile/logo.svg"), admin);
        assertThat(logo.getStatus()).isEqualTo(200);
        assertThat(logo.getContentType()).startsWith("image/svg+xml");
        assertThat(logo.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(logo.getContentAsString()).contains("<svg").contains("Infrastructure").contains("Certified Partner");

        CurrentUser salesperson = users.newPartnerUser(company);
        assertThat(call(get("/partner/profile"), salesperson).getStatus()).as("the profile is the admin's").isEqualTo(403);
    }

    @Test
    void aFrenchPartnerReadsItsObjectivesInEurosAtTheDaysRateWithTheUsdFigureTheRulesUse() throws Exception {
        PartnerView company = users.newPartner("FR");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        certify(company);
        BigDecimal usdPerEuro = rates.usdPerUnit("EUR", LocalDate.now(ZoneId.of("Europe/Paris"))).orElseThrow();
        String euros = java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US)
                .format(new BigDecimal("1500000").divide(usdPerEuro, 0, java.math.RoundingMode.HALF_UP))
                .replace("$", "€");

        String profile = page(get("/partner/profile"), admin);

        String infrastructure = profile.substring(profile.indexOf("id=\"progress-INFRASTRUCTURE\""));
        infrastructure = infrastructure.substring(0, infrastructure.indexOf("</tr>"));
        assertThat(infrastructure).contains(euros + " ($1,500,000.00)").contains("€0.00 ($0.00)");
        assertThat(profile).contains("Objective (EUR, USD for the rules)");
        PartnerView us = users.newPartner("US");
        certify(us);
        String american = page(get("/partner/profile"), users.newUser(Role.PARTNER_ADMIN, us.id()));
        assertThat(american).as("a US partner: USD alone").contains("Objective (USD)").doesNotContain("€");
    }

    @Test
    void progressSumsTheWonRegistrationsOfTheCurrentFiscalYearPerSpecialisation() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        certify(company);
        won(admin, "INFRASTRUCTURE", "100000");
        won(admin, "INFRASTRUCTURE", "80000");
        UUID lastYear = won(admin, "INFRASTRUCTURE", "900000");
        jdbc.update("update registration set closed_on = closed_on - interval '1 year' where id = ?", lastYear);
        UUID lost = submitted(mvc, admin, deal("INFRASTRUCTURE", "400000"));
        approve(lost);
        mvc.perform(post("/deals/{id}/close", lost).param("outcome", "LOST").param("lostReason", "Budget cut.")
                .param("version", version(jdbc, lost)).with(csrf()).with(user(admin)));
        PartnerView other = users.newPartner("US");
        won(users.newPartnerUser(other), "INFRASTRUCTURE", "700000");

        String profile = page(get("/partner/profile"), admin);

        String infrastructure = profile.substring(profile.indexOf("id=\"progress-INFRASTRUCTURE\""));
        infrastructure = infrastructure.substring(0, infrastructure.indexOf("</tr>"));
        assertThat(infrastructure).contains("$180,000.00").contains("$1,500,000.00").contains("12 %");
        String manager = page(get("/partners/" + company.id()), users.byEmail("maria@dealreg.example"));
        assertThat(manager).contains("$180,000.00");
    }

    @Test
    void aManagerPromotesOnlyWithASpecialisationAndTheAdminsAreToldWhy() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser admin = users.newUser(Role.PARTNER_ADMIN, company.id());
        CurrentUser maria = users.byEmail("maria@dealreg.example");

        mvc.perform(post("/partners/{id}/promote", company.id()).param("reason", "Great year.").with(csrf())
                .with(user(maria))).andExpect(flash().attribute("flashError",
                "A partner needs at least one specialisation to be Certified."));
        assertThat(tier(company)).isEqualTo("REGISTERED");
        mvc.perform(post("/partners/{id}/demote", company.id()).param("reason", "Lower still?").with(csrf())
                .with(user(maria))).andExpect(flash().attribute("flashError",
                "This partner is Registered: there is no tier below it."));
        mvc.perform(post("/partners/{id}/promote", company.id()).param("reason", " ").with(csrf()).with(user(maria)))
                .andExpect(flash().attributeExists("flashError"));

        certify(company);

        assertThat(tier(company)).isEqualTo("CERTIFIED");
        assertThat(jdbc.queryForMap("select changed_by, reason from partner_standing_change where partner_id = ?",
                company.id())).containsEntry("changed_by", maria.id()).containsEntry("reason", "Met the objective <early>.");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PARTNER_PROMOTED' and subject_id = ?",
                Integer.class, company.id().toString())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from notification where user_id = ? and kind = 'standing.promoted'",
                String.class, admin.id())).contains("Met the objective <early>.");
        assertThat(page(get("/partner/profile"), admin)).contains("Met the objective &lt;early&gt;.");
    }

    @Test
    void aSuspendedPartnerCannotRegisterUntilReactivated() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser bob = users.newPartnerUser(company);
        CurrentUser maria = users.byEmail("maria@dealreg.example");

        mvc.perform(post("/partners/{id}/suspend", company.id()).param("reason", "Unpaid invoices.").with(csrf())
                .with(user(maria))).andExpect(flash().attribute("flash", "partners.suspended"));
        assertThat(submit(mvc, bob, validDeal())).as("signed out: a suspended company's users cannot sign in").isEqualTo("/login");
        assertThat(open(company)).isZero();

        mvc.perform(post("/partners/{id}/reactivate", company.id()).param("reason", "Paid.").with(csrf())
                .with(user(maria)));
        submitted(mvc, bob, validDeal());
    }

    @Test
    void onlyChannelManagersChangeAPartnerAndTheProgrammeAdminOnlyLooks() throws Exception {
        PartnerView company = users.newPartner("US");
        CurrentUser ada = users.byEmail("ada@dealreg.example");
        for (CurrentUser who : new CurrentUser[] {ada, users.byEmail("sam@dealreg.example"),
                users.newUser(Role.PARTNER_ADMIN, company.id())}) {
            assertThat(call(post("/partners/{id}/suspend", company.id()).param("reason", "x").with(csrf()), who)
                    .getStatus()).as(who.email()).isEqualTo(403);
        }
        assertThat(call(get("/partners/" + company.id()), ada).getStatus()).isEqualTo(200);
        assertThat(call(get("/partners"), users.byEmail("sam@dealreg.example")).getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select status from partner where id = ?", String.class, company.id()))
                .isEqualTo("ACTIVE");
    }

    private void certify(PartnerView company) throws Exception {
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        mvc.perform(post("/partners/{id}/specializations", company.id()).param("codes", "INFRASTRUCTURE")
                .with(csrf()).with(user(maria))).andExpect(flash().attribute("flash", "partners.specializations.saved"));
        mvc.perform(post("/partners/{id}/promote", company.id()).param("reason", "Met the objective <early>.")
                .with(csrf()).with(user(maria))).andExpect(flash().attribute("flash", "partners.promoted"));
    }

    private UUID won(CurrentUser partnerUser, String specialization, String amount) throws Exception {
        UUID id = submitted(mvc, partnerUser, deal(specialization, amount));
        approve(id);
        mvc.perform(post("/deals/{id}/close", id).param("outcome", "WON").param("amount", amount)
                .param("currency", "USD").param("closedOn", LocalDate.now(ZoneId.of("America/New_York")).toString())
                .param("version", version(jdbc, id)).with(csrf()).with(user(partnerUser)))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    private void approve(UUID id) {
        review.approve(id, Integer.parseInt(version(jdbc, id)), users.byEmail("maria@dealreg.example").id());
    }

    private static Map<String, String> deal(String specialization, String amount) {
        Map<String, String> deal = validDeal();
        deal.put("specialization", specialization);
        deal.put("amount", amount);
        return deal;
    }

    private long open(PartnerView company) {
        return jdbc.queryForObject("select count(*) from registration where partner_id = ? and status in ('SUBMITTED', "
                + "'APPROVED')", Long.class, company.id());
    }

    private String tier(PartnerView company) {
        return jdbc.queryForObject("select tier from partner where id = ?", String.class, company.id());
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> deal) {
        org.springframework.util.LinkedMultiValueMap<String, String> map = new org.springframework.util.LinkedMultiValueMap<>();
        deal.forEach(map::add);
        return map;
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            CurrentUser who) throws Exception {
        MockHttpServletResponse response = call(request, who);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            CurrentUser who) throws Exception {
        return mvc.perform(request.with(user(who))).andReturn().getResponse();
    }
}
