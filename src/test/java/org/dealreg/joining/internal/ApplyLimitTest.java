package org.dealreg.joining.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.dealreg.GenerousCapsForTests;
import org.dealreg.IntegrationTest;
import org.dealreg.program.ProgramSettings;
import org.dealreg.program.Setting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The public form takes so many applications an hour from one network address; the next is refused, nothing stored. */
@IntegrationTest
class ApplyLimitTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProgramSettings settings;

    @Test
    void aNetworkAddressSendsAtMostTheSettingsApplicationsAnHour() throws Exception {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        settings.change(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS, "2");
        try {
            assertThat(apply(address, "Bot Farm One " + UUID.randomUUID()).getRedirectedUrl()).isEqualTo("/apply/received");
            assertThat(apply(address, "Bot Farm Two " + UUID.randomUUID()).getRedirectedUrl()).isEqualTo("/apply/received");

            String third = "Bot Farm Three " + UUID.randomUUID();
            MockHttpServletResponse refused = apply(address, third);

            assertThat(refused.getStatus()).isEqualTo(200);
            assertThat(refused.getContentAsString()).contains("This network has sent 2 applications in the last hour")
                    .contains("value=\"" + third + "\"");
            assertThat(jdbc.queryForObject("select count(*) from partner where legal_name = ?", Integer.class, third))
                    .isZero();
            assertThat(apply("198.51.100.9", "Honest Reseller " + UUID.randomUUID()).getRedirectedUrl())
                    .as("another address is not held back").isEqualTo("/apply/received");
        } finally {
            settings.change(Setting.APPLICATIONS_PER_HOUR_PER_ADDRESS, GenerousCapsForTests.CAP);
        }
    }

    private MockHttpServletResponse apply(String address, String company) throws Exception {
        return mvc.perform(post("/apply").with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        }).param("legalName", company).param("country", "US").param("contactName", "Jane Applicant")
                .param("contactEmail", "jane-" + UUID.randomUUID() + "@example.com")).andReturn().getResponse();
    }
}
