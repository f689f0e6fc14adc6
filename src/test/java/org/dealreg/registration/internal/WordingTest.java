package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTest.validDeal;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.version;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.PartnerView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The words of issue 18 §3, in English and in French, as the pages render them: a decided registration speaks of its
 * decision and no longer of the promise; a long countdown counts days; managers read "the tier's benefits"; the
 * pre-check's reopening time names its day and time zone; one line per visit, with its count. (One date style per
 * kind of place: {@code CloseTest}.)
 */
@IntegrationTest
class WordingTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aDecidedRegistrationSpeaksOfItsDecisionAndNoLongerOfThePromise(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, bob, validDeal());
        assertThat(page(get("/deals/{id}", id), bob, locale)).as("waiting: the promise")
                .contains(text("verdict.CLEAR", locale));

        mvc.perform(post("/review/{id}/reject", id).param("version", version(jdbc, id)).param("reason", "INCOMPLETE")
                .param("comment", "No contact.").with(csrf()).with(user(users.byEmail("maria@dealreg.example"))));
        String decided = page(get("/deals/{id}", id), bob, locale);

        assertThat(decided).contains(text("verdict.decided.CLEAR", locale));
        for (String verdict : new String[] {"CLEAR", "REVIEW", "CONFLICT"}) {
            assertThat(decided).doesNotContain(text("verdict." + verdict, locale));
        }
        assertThat(decided.substring(decided.indexOf("<main"))).as("the page, not its description for search engines")
                .doesNotContain(language.equals("fr") ? "répond sous" : "the vendor answers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void aLongCountdownCountsDaysAndManagersReadTheTiersBenefits(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        PartnerView company = users.newPartner("US");
        CurrentUser bob = users.newPartnerUser(company);
        UUID id = submitted(mvc, bob, validDeal());

        assertThat(page(get("/deals/{id}", id), bob, locale)).as("the countdown's unit past two days")
                .contains("data-unit-days=\"" + text("countdown.days", locale) + "\"")
                .contains(language.equals("fr") ? "{0} jours {1} h" : "{0} days {1} h");

        String managers = page(get("/partners/{id}", company.id()), users.byEmail("maria@dealreg.example"), locale);
        assertThat(managers).contains(text("profile.benefits.staff", locale))
                .doesNotContain(text("profile.benefits", locale));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void thePrecheckSaysOnWhichDayAndInWhichTimeZoneItOpensAgain(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        String limited = "";
        for (int i = 1; i <= 31; i++) {
            limited = mvc.perform(post("/deals/precheck").param("customerName", "Wording Prospect " + i)
                    .param("customerWebsite", "").param("customerCountry", "US").locale(locale).with(csrf())
                    .with(user(partner))).andReturn().getResponse().getContentAsString();
        }
        ZoneId zone = partner.zone();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String today = day.format(LocalDate.now(zone));
        String tomorrow = day.format(LocalDate.now(zone).plusDays(1));
        String sentence = text("precheck.limited", locale, "").replace(".", "").trim();

        assertThat(limited).contains(sentence);
        assertThat(limited.contains(today) || limited.contains(tomorrow)).as(limited + ": its day").isTrue();
        assertThat(limited).as("its time zone").containsPattern(" (ET|EST|EDT|HNE|HAE)\\.\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void twoOpensOfOneManagerWithinMinutesAreOneLineWithItsCount(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        CurrentUser bob = users.newPartnerUser(users.newPartner("US"));
        CurrentUser maria = users.byEmail("maria@dealreg.example");
        UUID id = submitted(mvc, bob, validDeal());
        page(get("/review/{id}", id), maria, locale);
        page(get("/review/{id}", id), maria, locale);

        String page = page(get("/deals/{id}", id), bob, locale);

        assertThat(page).contains(language.equals("fr") ? "ouvert 2 fois pendant cette visite"
                : "opened 2 times in that visit");
        assertThat(page.split(language.equals("fr") ? "ouvert 2 fois" : "opened 2 times", -1)).hasSize(2);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user, Locale locale) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(request.locale(locale).with(user(user))).andReturn().getResponse()
                .getContentAsString());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
