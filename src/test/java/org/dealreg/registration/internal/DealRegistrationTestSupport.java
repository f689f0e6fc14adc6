package org.dealreg.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Lets tests of other packages register a valid deal through the real form. */
public final class DealRegistrationTestSupport {

    private DealRegistrationTestSupport() {
    }

    /** Submits the deal as the user; answers the registration's page. */
    public static String submit(MockMvc mvc, CurrentUser user, java.util.Map<String, String> deal) throws Exception {
        return mvc.perform(post("/deals").params(DealRegistrationTest.params(deal)).with(csrf()).with(user(user)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    /** Submits a valid deal as the user; answers the registration's page. */
    public static String submitAs(MockMvc mvc, CurrentUser user) throws Exception {
        return mvc.perform(post("/deals").params(DealRegistrationTest.params(DealRegistrationTest.validDeal()))
                .with(csrf()).with(user(user))).andReturn().getResponse().getRedirectedUrl();
    }

    /** Submits the deal as the user and answers the new registration's id; fails the test when it was refused. */
    public static UUID submitted(MockMvc mvc, CurrentUser user, java.util.Map<String, String> deal) throws Exception {
        String location = submit(mvc, user, deal);
        assertThat(location).as("submitted").startsWith("/deals/");
        return UUID.fromString(location.substring("/deals/".length()));
    }

    /** The version a page shows of a registration, which a decision or a withdrawal posts back. */
    public static String version(JdbcTemplate jdbc, UUID id) {
        return String.valueOf(jdbc.queryForObject("select version from registration where id = ?", Integer.class, id));
    }
}
