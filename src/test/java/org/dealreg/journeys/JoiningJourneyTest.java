package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.InvitationLinks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A company joins in a real browser: it applies on the public form, Maria accepts it, its new admin sets a password
 * through the e-mailed link, signs in and invites a colleague, who sets a password the same way and registers a deal.
 */
@IntegrationTest
class JoiningJourneyTest extends BrowserJourney {

    @Autowired JdbcTemplate jdbc;

    @Test
    void aCompanyAppliesMariaAcceptsItsAdminInvitesAColleagueWhoRegistersADeal() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String company = "Contoso Networks " + suffix;
        String adminEmail = "olivia-" + suffix + "@contoso.example";
        String colleagueEmail = "theo-" + suffix + "@contoso.example";

        browser.get(url("/login"));
        follow(By.id("apply-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        type("legalName", company);
        new Select(browser.findElement(By.id("country"))).selectByValue("US");
        type("website", "https://contoso-" + suffix + ".example");
        type("contactName", "Olivia Stone");
        type("contactEmail", adminEmail);
        type("message", "We resell campus networks in the Midwest.");
        browser.findElement(By.id("apply-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("application-received")));
        look("company-applied");

        signIn("maria@dealreg.example");
        follow(By.id("nav-applications"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("applications")));
        followFromItsPage(By.linkText(company));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
        assertThat(browser.findElement(By.id("application")).getText()).contains("Olivia Stone").contains(adminEmail)
                .contains("We resell campus networks in the Midwest.");
        look("maria-reads-application");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("Accepted");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Accepted by Maria Garcia");
        signOut();

        setPasswordThroughTheLink(adminEmail, "olivia's long passphrase");
        signIn(adminEmail, "olivia's long passphrase");
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Olivia Stone");
        follow(By.id("nav-team"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invite-form")));
        type("displayName", "Théo Martin");
        type("email", colleagueEmail);
        new Select(browser.findElement(By.id("role"))).selectByValue("PARTNER_USER");
        browser.findElement(By.id("invite-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("team")).getText()).contains("Théo Martin")
                .contains("Invited, password not set yet");
        look("olivia-invited-theo");
        signOut();

        setPasswordThroughTheLink(colleagueEmail, "theo's own passphrase");
        signIn(colleagueEmail, "theo's own passphrase");
        browser.get(url("/deals/new"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-form")));
        String customer = "Initech" + suffix;
        type("customerName", customer + " Corp");
        type("customerWebsite", customer.toLowerCase() + ".example");
        new Select(browser.findElement(By.id("customerCountry"))).selectByValue("US");
        type("contactName", "Bill Lumbergh");
        type("contactEmail", "bill@" + customer.toLowerCase() + ".example");
        type("title", "Office network upgrade");
        type("description", "New switches for three floors.");
        new Select(browser.findElement(By.id("specialization"))).selectByValue("INFRASTRUCTURE");
        setDate("expectedCloseDate", LocalDate.now().plusMonths(3));
        type("amount", "120000");
        press(By.id("submit-deal"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        assertThat(browser.findElement(By.id("deal-status")).getText()).isEqualTo("Awaiting decision");
        look("theo-registered-a-deal");
        signOut();

        signIn(adminEmail, "olivia's long passphrase");
        follow(By.id("nav-team"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("team")));
        WebElement theo = browser.findElement(By.xpath("//tr[contains(., '" + colleagueEmail + "')]"));
        assertThat(theo.getText()).contains("1 registration").contains(receipt).contains("Active");
        look("olivia-sees-who-registered-what");
        signOut();
    }

    /** The invitee opens the link of their e-mail, as the outbox holds it, and sets a password. */
    private void setPasswordThroughTheLink(String email, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url(InvitationLinks.latestFor(jdbc, email)));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-form")));
        type("password", password);
        type("confirmation", password);
        browser.findElement(By.id("set-password")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-set")));
    }
}
