package org.dealreg.dashboards.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.dealreg.identity.CurrentUser;
import org.dealreg.partners.Tier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every role's home page is its dashboard. The page computes its figures once: it shows them as tables and carries
 * them as JSON (the same document {@code /dashboard.json} answers for the same filters) for its charts to draw.
 * Which figures a reader gets depends on their role and company only: no parameter names a company or a rep.
 */
@Controller
class DashboardController {

    private final Dashboards dashboards;
    private final JsonMapper json;

    DashboardController(Dashboards dashboards, JsonMapper json) {
        this.dashboards = dashboards;
        this.json = json;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String region, @RequestParam(required = false) Tier tier,
            Locale locale, Model model) {
        model.addAttribute("role", user.role());
        Dashboard dashboard = dashboards.of(user, new Dashboards.Asked(from, to, region, tier), locale);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("dashboardJson", json.writeValueAsString(dashboard));
        return "home";
    }

    @GetMapping(value = "/dashboard.json", produces = "application/json")
    @ResponseBody
    Dashboard json(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String region, @RequestParam(required = false) Tier tier,
            Locale locale) {
        return dashboards.of(user, new Dashboards.Asked(from, to, region, tier), locale);
    }
}
