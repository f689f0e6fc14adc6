package org.dealreg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitAs;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class AccessTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    @Test
    void anotherCompanysRegistrationAnswers404LikeOneThatDoesNotExist() throws Exception {
        CurrentUser bob = users.byEmail("bob@northwind.example");
        CurrentUser claire = users.byEmail("claire@fabrikam.example");
        String location = submitAs(mvc, bob);

        MockHttpServletResponse foreign = call(get(location), claire);
        MockHttpServletResponse missing = call(get("/deals/" + UUID.randomUUID()), claire);
        MockHttpServletResponse garbage = call(get("/deals/1"), claire);
        assertThat(foreign.getStatus()).isEqualTo(404);
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(garbage.getStatus()).isEqualTo(404);
        assertThat(call(get(location), users.byEmail("alice@northwind.example")).getStatus())
                .as("a colleague of the same company sees it").isEqualTo(200);
    }

    @Test
    void aSalesRepGets403OnEveryRegistrationRoute() throws Exception {
        CurrentUser sam = users.byEmail("sam@dealreg.example");
        String location = submitAs(mvc, users.byEmail("bob@northwind.example"));
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {get("/deals"),
                get("/deals/new"), get(location), get("/deals/" + UUID.randomUUID()), post("/deals").with(csrf())}) {
            assertThat(call(request, sam).getStatus()).isEqualTo(403);
        }
    }

    @Test
    void vendorStaffOtherThanPartnersCannotOpenThePartnerScreens() throws Exception {
        assertThat(call(get("/deals"), users.byEmail("maria@dealreg.example")).getStatus()).isEqualTo(403);
        assertThat(call(get("/deals"), users.byEmail("ada@dealreg.example")).getStatus()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/deals")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreForTheProgrammeAdmin() throws Exception {
        MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("\"status\":\"UP\"");
        assertThat(mvc.perform(get("/actuator/metrics")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(call(get("/actuator/metrics"), users.byEmail("bob@northwind.example")).getStatus()).isEqualTo(403);
        assertThat(call(get("/actuator/metrics"), users.byEmail("maria@dealreg.example")).getStatus()).isEqualTo(403);
        assertThat(call(get("/actuator/metrics"), users.byEmail("ada@dealreg.example")).getStatus()).isEqualTo(200);
    }

    @Test
    void pagesCarrySecurityHeadersAndAPolicyWithoutInlineScript() throws Exception {
        MockHttpServletResponse login = mvc.perform(get("/login")).andReturn().getResponse();
        String csp = login.getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(login.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }
}
