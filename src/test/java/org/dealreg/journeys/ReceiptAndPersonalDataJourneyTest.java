package org.dealreg.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.audit.SubmissionSeals;
import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.internal.DealRegistrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In a real browser: someone holding a receipt, not signed in, checks it on the public page by uploading the file
 * and by pasting a code with one character changed; Ada, the programme admin, answers a contact's personal-data
 * request from the Programme page. Every press posts the rendered form, CSRF token included (a multipart one for the
 * upload).
 */
@IntegrationTest
class ReceiptAndPersonalDataJourneyTest extends BrowserJourney {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired SubmissionSeals seals;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anyoneHoldingAReceiptChecksItWithoutSigningIn() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = submitted(mvc, partner, DealRegistrationTest.validDeal());
        await().atMost(Duration.ofSeconds(10)).until(() -> seals.of(id).map(SubmissionSeals.Seal::sealed).orElse(false));
        byte[] pdf = mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(partner))).andReturn().getResponse()
                .getContentAsByteArray();
        Path file = Files.createTempFile("receipt-", ".pdf");
        Files.write(file, pdf);

        browser.get(url("/login"));
        follow(By.id("receipt-check-link"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("check-form")));
        browser.findElement(By.id("receipt")).sendKeys(file.toAbsolutePath().toString());
        press(By.id("check"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-valid")));
        String receipt = jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
        assertThat(browser.findElement(By.id("receipt-valid")).getText()).startsWith("Valid.").contains(receipt);
        Browser.screenshot(browser, "receipt-check-valid-1280");

        String code;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            code = document.getDocumentInformation().getCustomMetadataValue("DealregReceiptCode");
        }
        String changed = code.substring(0, 20) + (code.charAt(20) == 'A' ? 'B' : 'A') + code.substring(21);
        type("code", changed);
        press(By.id("check"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt-not-valid")));
        assertThat(browser.findElements(By.id("receipt-valid"))).isEmpty();
        Files.delete(file);
    }

    @Test
    void adaFindsExportsAndErasesAContactsDataFromTheProgrammePage() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String address = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        Map<String, String> deal = DealRegistrationTest.validDeal();
        deal.put("contactEmail", address);
        UUID id = submitted(mvc, partner, deal);

        signIn("ada@dealreg.example");
        follow(By.id("nav-programme"));
        follow(By.id("admin-personal-data"));
        type("email", address.toUpperCase());
        press(By.id("find"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("found-" + id)));
        assertThat(browser.findElement(By.id("found-count")).getText()).isEqualTo("1 registration holds this address.");
        Browser.screenshot(browser, "personal-data-found-1280");

        browser.findElement(By.id("confirmed")).click();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.confirm = function () { return true; };");
        press(By.id("erase"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("flash")).getText()).startsWith("The contact’s personal data was erased");
        assertThat(jdbc.queryForObject("select contact_email is null from registration where id = ?", Boolean.class, id))
                .isTrue();
        signOut();
    }
}
