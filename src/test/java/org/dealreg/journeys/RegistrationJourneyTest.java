package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.accounts.AccountBook;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.ManagerReview;
import org.dealreg.registration.PartnerSubmissions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bob, a reseller's salesperson, registers deals in a real browser; Maria, a channel manager, approves one; Bob
 * sees the approval on the page and in his e-mail. After approval Bob gets more time, closes the deal as won, and
 * Sam, the vendor's rep who owns the customer's account, sees it credited to him.
 */
@IntegrationTest
class RegistrationJourneyTest extends BrowserJourney {


    @Autowired TestUsers users;
    @Autowired AccountBook accounts;
    @Autowired PartnerSubmissions submissions;
    @Autowired ManagerReview review;
    @Autowired JdbcTemplate jdbc;



    @Test
    void bobRegistersADealAndSeesItPendingWithItsDueTimeAndALiveCountdown() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String title = "Campus network refresh " + UUID.randomUUID().toString().substring(0, 8);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys("bob@northwind.example");
        browser.findElement(By.id("password")).sendKeys("demo-password");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-charts")));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("Bob Chen");

        browser.findElement(By.linkText("Register a deal")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deal-form")));
        String customer = "Vandelay" + UUID.randomUUID().toString().substring(0, 6);
        type("customerName", customer + " Industries");
        type("customerWebsite", "www." + customer.toLowerCase() + ".example");
        new Select(browser.findElement(By.id("customerCountry"))).selectByValue("US");
        browser.findElement(By.id("precheck-button")).click();
        WebElement light = browser.findElement(By.id("precheck-result"));
        wait.until(d -> "green".equals(light.getDomAttribute("data-light")));
        assertThat(light.getText()).startsWith("No existing customer relationship overlaps");
        type("customerCity", "Springfield");
        type("contactName", "Hank Scorpio");
        type("contactEmail", "hank@" + customer.toLowerCase() + ".example");
        type("contactPhone", "+1 555 0142");
        type("title", title);
        type("description", "Replace the campus core switches and 40 access switches.");
        new Select(browser.findElement(By.id("specialization"))).selectByValue("INFRASTRUCTURE");
        setDate("expectedCloseDate", LocalDate.now().plusMonths(4));
        type("amount", "250,000");
        new Select(browser.findElement(By.id("currency"))).selectByValue("USD");
        press(By.id("submit-deal"));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        assertThat(browser.getCurrentUrl()).matches(".*/deals/[0-9a-f-]{36}$");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("deal-status")).getText()).isEqualTo("Awaiting decision");
        assertThat(browser.findElement(By.id("receipt-number")).getText()).matches("DR-\\d{4}-\\d{6}");
        assertThat(browser.findElement(By.id("due-at")).getText()).endsWith("ET");
        WebElement countdown = browser.findElement(By.id("countdown"));
        wait.until(d -> countdown.getText().matches("2[34] h \\d\\d min \\d\\d s left"));
        String first = countdown.getText();
        wait.until(d -> !countdown.getText().equals(first));
        look("bob-registered-deal");

        follow(By.linkText("Back to my registrations"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deals")));
        assertThat(browser.findElement(By.id("deals")).getText()).contains(title).contains("$250,000.00");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.body.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("the page fits a phone's width").isLessThanOrEqualTo(0L);
        look("bob-deals-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void mariaApprovesFromTheQueueAndBobSeesTheApproval() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn("bob@northwind.example");
        String customer = "Kramerica" + UUID.randomUUID().toString().substring(0, 6);
        browser.get("http://localhost:" + port + "/deals/new");
        type("customerName", customer + " Inc.");
        type("customerWebsite", customer.toLowerCase() + ".example");
        new Select(browser.findElement(By.id("customerCountry"))).selectByValue("US");
        type("contactName", "Cosmo Kramer");
        type("contactEmail", "cosmo@" + customer.toLowerCase() + ".example");
        type("title", "Warehouse servers");
        type("description", "Twelve servers for the new warehouse.");
        new Select(browser.findElement(By.id("specialization"))).selectByValue("INFRASTRUCTURE");
        setDate("expectedCloseDate", LocalDate.now().plusMonths(3));
        type("amount", "90000");
        press(By.id("submit-deal"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-number")));
        String dealUrl = browser.getCurrentUrl();
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        signOut();

        signIn("maria@dealreg.example");
        browser.findElement(By.linkText("Review queue")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        // the queue pages, due first: Bob's, just submitted, is on a later page when others are waiting
        for (int page = 0; page < 200 && browser.findElements(By.linkText(receipt)).isEmpty(); page++) {
            follow(By.linkText("Next"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue")));
        }
        follow(By.linkText(receipt));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(customer + " Inc.")
                .contains("Northwind Systems").contains("No overlap found.");
        look("maria-reviews-deal");
        press(By.id("approve"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("deal-status")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Approved by Maria Garcia");
        signOut();

        signIn("bob@northwind.example");
        browser.get(dealUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
        assertThat(browser.findElement(By.id("deal-status")).getText()).isEqualTo("Approved");
        assertThat(browser.findElement(By.id("decision")).getText()).startsWith("Approved on")
                .contains("the customer is reserved for your company").doesNotContain("Maria");
        assertThat(browser.findElements(By.id("countdown"))).isEmpty();
        look("bob-sees-approval");

        // and the e-mail, as the demo mode's mail sink received it
        browser.findElement(By.id("nav-mailbox")).click();
        // in a full test run the outbox holds the e-mails of hundreds of earlier submissions, sent in order
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.tagName("main")).getText().contains("Registration " + receipt + " approved");
        });
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Registration " + receipt + " received").contains("To bob@northwind.example");
        look("bob-sees-the-mail");
        signOut();
    }

    /**
     * After approval: Bob asks for more time, Maria grants it from the extension queue, Bob closes the deal as won,
     * and Sam, who owns the customer's account, finds the win among his credits as if he had closed it himself.
     */
    @Test
    void bobClosesAnApprovedDealAsWonAndSamSeesTheCredit() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        CurrentUser bob = users.byEmail("bob@northwind.example");
        String customer = "Pendant Publishing " + UUID.randomUUID().toString().substring(0, 6);
        String domain = "pendant-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        accounts.upsert("CRM-" + UUID.randomUUID(), customer, "US", Set.of(domain), users.byEmail("sam@dealreg.example").id());
        UUID id = submissions.submit(bob, new PartnerSubmissions.DealToRegister(customer, "https://" + domain, "US",
                "New York", "J. Peterman", "peterman@" + domain, null, "Print plant servers",
                "Servers for the print plant.", "INFRASTRUCTURE", new BigDecimal("150000"), "USD",
                LocalDate.now().plusMonths(2), null));
        int version = jdbc.queryForObject("select version from registration where id = ?", Integer.class, id);
        review.approve(id, version, users.byEmail("maria@dealreg.example").id());
        String dealUrl = "http://localhost:" + port + "/deals/" + id;

        signIn("bob@northwind.example");
        browser.get(dealUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("protection")));
        String firstEnd = browser.findElement(By.id("protection-ends-at")).getText();
        assertThat(browser.findElement(By.id("extensions-used")).getText()).isEqualTo("0 of 2 extensions used");
        type("extension-reason", "The customer's board signs off next month.");
        press(By.id("request-extension"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("extension-pending")));
        signOut();

        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
        signIn("maria@dealreg.example");
        browser.findElement(By.linkText("Extension requests")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("extension-queue")));
        WebElement row = browser.findElement(By.xpath("//tr[contains(., '" + receipt + "')]"));
        assertThat(row.getText()).contains("Northwind Systems").doesNotContain(customer);
        look("maria-extension-queue");
        browser.get(row.findElement(By.className("answer")).getDomProperty("href"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-extensions")));
        assertThat(browser.findElement(By.id("review-extensions")).getText())
                .contains("The customer's board signs off next month.");
        look("maria-reads-the-extension-request");
        press(By.id("grant-extension"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("review-extensions")).getText()).contains("granted");
        signOut();

        signIn("bob@northwind.example");
        browser.get(dealUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("protection")));
        assertThat(browser.findElement(By.id("protection-ends-at")).getText()).isNotEqualTo(firstEnd);
        assertThat(browser.findElement(By.id("extensions-used")).getText()).isEqualTo("1 of 2 extensions used");
        follow(By.id("close-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("close-form")));
        browser.findElement(By.id("outcome-won")).click();
        type("amount", "162,400");
        setDate("closedOn", LocalDate.now(java.time.ZoneId.of("America/New_York")));
        press(By.id("close-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("closed-won")));
        assertThat(browser.findElement(By.id("deal-status")).getText()).isEqualTo("Won");
        assertThat(browser.findElement(By.id("closed-won")).getText()).contains("$162,400.00");
        look("bob-closed-won");
        signOut();

        signIn("sam@dealreg.example");
        browser.findElement(By.id("nav-credits")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("credits")));
        WebElement credit = browser.findElement(By.xpath("//table[@id='credits']//tr[contains(., '" + customer + "')]"));
        assertThat(credit.getText()).contains("$162,400.00").contains("Through a partner");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Print plant servers")
                .doesNotContain("Peterman").doesNotContain("Northwind");
        look("sam-sees-the-credit");
        signOut();
    }

    /** Alice, Northwind's admin, reads what Certified gives her company, in English and in French. */
    @Test
    void aliceReadsHerCompanysBenefitsAndProgress() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        signIn("alice@northwind.example");
        browser.findElement(By.id("nav-profile")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("benefits")));
        assertThat(browser.findElement(By.id("partner-tier")).getText()).isEqualTo("Certified");
        assertThat(browser.findElement(By.id("benefit-terms")).getText()).contains("Net 45 days");
        assertThat(browser.findElement(By.id("logo-download")).getDomAttribute("href")).isEqualTo("/partner/profile/logo.svg");
        assertThat(browser.findElement(By.id("progress-MANAGED_SERVICES")).getText()).contains("$176,500.00");
        look("alice-profile");
        browser.findElement(By.id("lang-fr")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("benefit-terms"), "À 45 jours"));
        look("alice-profile-fr");
        browser.findElement(By.id("lang-en")).click();
        signOut();
    }
}
