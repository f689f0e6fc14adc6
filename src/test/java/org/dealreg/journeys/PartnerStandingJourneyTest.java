package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.partners.Tier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maria, a channel manager, changes a partner's standing in a real browser: from the partners list she opens its
 * profile and presses Promote, Demote, Suspend and Reactivate in turn, each with a reason. Each press is a post of the
 * rendered standing form, so each one works only if the form carries its CSRF token.
 */
@IntegrationTest
class PartnerStandingJourneyTest extends BrowserJourney {

    @Autowired Partners partners;
    @Autowired JdbcTemplate jdbc;

    @Test
    void mariaPromotesDemotesSuspendsAndReactivatesAPartnerWithTheButtonsOfItsProfile() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String name = "Globex Networks " + UUID.randomUUID().toString().substring(0, 8);
        PartnerView company = partners.addActive(name, "US", Tier.REGISTERED, Set.of("INFRASTRUCTURE"));

        signIn("maria@dealreg.example");
        look("menu-channel-manager-1280");
        assertThat(browser.findElement(By.cssSelector("nav.navbar")).getSize().getHeight())
                .as("the manager's menu on one line at 1280 px").isLessThan(80);
        browser.findElement(By.id("nav-partners-menu")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-partners")));
        follow(By.id("nav-partners"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("partners")));
        followFromItsPage(By.linkText(name));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("standing-form")));
        assertThat(text("partner-tier")).isEqualTo("Registered");

        press("promote", "Met the certification objective.", wait);
        assertThat(text("flash")).isEqualTo("Promoted to Certified. The partner’s admins are told.");
        assertThat(text("partner-tier")).isEqualTo("Certified");

        press("demote", "Objective missed two quarters running.", wait);
        assertThat(text("flash")).isEqualTo("Demoted to Registered. The partner’s admins are told.");
        assertThat(text("partner-tier")).isEqualTo("Registered");

        press("suspend", "Unpaid invoices.", wait);
        assertThat(text("flash")).startsWith("Suspended: its users can no longer sign in");
        assertThat(text("partner-status")).isEqualTo("Suspended");

        press("reactivate", "Invoices paid.", wait);
        assertThat(text("flash")).isEqualTo("Reactivated. The partner’s admins are told.");
        assertThat(browser.findElements(By.id("partner-status"))).as("active again: no status badge").isEmpty();
        assertThat(text("standing-history")).contains("Met the certification objective.")
                .contains("Objective missed two quarters running.").contains("Unpaid invoices.").contains("Invoices paid.");
        look("maria-changed-standing");

        assertThat(jdbc.queryForList("select reason from partner_standing_change where partner_id = ? order by at",
                String.class, company.id())).containsExactly("Met the certification objective.",
                "Objective missed two quarters running.", "Unpaid invoices.", "Invoices paid.");
        assertThat(jdbc.queryForMap("select tier, status from partner where id = ?", company.id()))
                .containsEntry("tier", "REGISTERED").containsEntry("status", "ACTIVE");
        signOut();
    }

    /** Types the reason and presses one of the standing form's buttons, then waits for the page it leads to. */
    private void press(String button, String reason, WebDriverWait wait) {
        type("standing-reason", reason);
        WebElement form = browser.findElement(By.id("standing-form"));
        press(By.id(button));
        wait.until(ExpectedConditions.stalenessOf(form));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
