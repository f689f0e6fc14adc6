package org.dealreg.receipts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dealreg.registration.internal.DealRegistrationTestSupport.submitted;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dealreg.IntegrationTest;
import org.dealreg.TestUsers;
import org.dealreg.audit.SubmissionSeals;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.registration.Receipts;
import org.dealreg.registration.internal.DealRegistrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A registration's receipt: the partner downloads a real PDF stating the receipt number, the customer as typed, the
 * submission time and the audit chain's hash of the submission; anyone holding it checks it on a public page, where a
 * true receipt verifies and one with a single changed byte (in the file or in its code) does not.
 */
@IntegrationTest
class ReceiptTest {

    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired SubmissionSeals seals;
    @Autowired ReceiptService service;

    @Test
    void thePartnerDownloadsAReceiptThatStatesTheRegistrationAndItsPlaceInTheChain() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        String customer = "Café Łódź " + UUID.randomUUID().toString().substring(0, 8) + " Corporation";
        UUID id = sealedSubmission(partner, customer);
        Map<String, Object> audit = submissionRow(id);

        MockHttpServletResponse download = mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(partner)))
                .andReturn().getResponse();

        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).contains("receipt-" + receipt(id) + ".pdf");
        String text = text(download.getContentAsByteArray());
        assertThat(text).contains("Registration receipt").contains(receipt(id)).contains(customer)
                .contains("Position in the audit chain").contains(String.valueOf(audit.get("seal_seq")))
                .contains((String) audit.get("hash"))
                .contains(submittedAt(id).toString());
        assertThat(mvc.perform(get("/deals/{id}", id).with(user(partner))).andReturn().getResponse()
                .getContentAsString()).contains("/deals/" + id + "/receipt.pdf");
    }

    @Test
    void theReceiptIsInTheReadersLanguage() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = sealedSubmission(partner, "Zylophon " + UUID.randomUUID().toString().substring(0, 8) + " SA");

        byte[] file = mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(partner))
                .cookie(new Cookie("dealreg-lang", "fr"))).andReturn().getResponse().getContentAsByteArray();

        assertThat(text(file)).contains("Accusé d’enregistrement").contains("Position dans la chaîne d’audit")
                .doesNotContain("Registration receipt");
    }

    @Test
    void aTrueReceiptVerifiesAndOneWithAChangedByteDoesNot() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = sealedSubmission(partner, "Zylophon " + UUID.randomUUID().toString().substring(0, 8) + " Inc");
        byte[] file = mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(partner))).andReturn().getResponse()
                .getContentAsByteArray();
        String code = ReceiptPdf.codeIn(file).orElseThrow();
        String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

        String valid = check(address, file, null).getContentAsString();
        assertThat(valid).contains("id=\"receipt-valid\"").contains(receipt(id))
                .contains("sealed at position " + submissionRow(id).get("seal_seq"))
                .doesNotContain("receipt-not-valid").doesNotContain(partner.displayName());
        assertThat(check(address, null, code).getContentAsString()).contains("id=\"receipt-valid\"");
        assertThat(check(address, null, code.substring(0, 40) + "\n" + code.substring(40)).getContentAsString())
                .as("line breaks of a pasted code do not count").contains("id=\"receipt-valid\"");
        assertThat(check(address, file, code).getContentAsString()).contains("id=\"receipt-valid\"");

        for (int at : new int[] {file.length / 2, 10, file.length - 10}) {
            byte[] changed = file.clone();
            changed[at] ^= 0x01;
            assertThat(check(address, changed, null).getContentAsString()).as("byte %d changed", at)
                    .contains("id=\"receipt-not-valid\"").doesNotContain("id=\"receipt-valid\"");
        }
        for (int at : new int[] {5, code.indexOf('.') - 3, code.length() - 1}) {
            String changed = code.substring(0, at) + (code.charAt(at) == 'A' ? 'B' : 'A') + code.substring(at + 1);
            assertThat(check(address, null, changed).getContentAsString()).as("character %d changed", at)
                    .contains("id=\"receipt-not-valid\"");
        }
        assertThat(check(address, file, "").getContentAsString()).contains("id=\"receipt-valid\"");
        assertThat(check(address, new byte[0], "not a receipt").getContentAsString()).contains("id=\"receipt-not-valid\"");
    }

    @Test
    void anotherCompanyGetsA404StaffWhoReviewGetACopyAndRepsNone() throws Exception {
        CurrentUser partner = users.newPartnerUser(users.newPartner("US"));
        UUID id = sealedSubmission(partner, "Zylophon " + UUID.randomUUID().toString().substring(0, 8) + " GmbH");
        CurrentUser other = users.newPartnerUser(users.newPartner("US"));

        assertThat(mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(other))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        MockHttpServletResponse staff = mvc.perform(get("/review/{id}/receipt.pdf", id)
                .with(user(users.byEmail("maria@dealreg.example")))).andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(text(staff.getContentAsByteArray())).contains(receipt(id));
        assertThat(mvc.perform(get("/review/{id}/receipt.pdf", id).with(user(users.newUser(Role.SALES_REP, null))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/deals/{id}/receipt.pdf", id).with(user(users.newUser(Role.SALES_REP, null))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void noReceiptIsMadeBeforeTheSubmissionIsSealed() {
        Receipts.Receipt unrecorded = new Receipts.Receipt(UUID.randomUUID(), "DR-1999-000001", "Nobody",
                Instant.parse("1999-01-01T00:00:00Z"));
        assertThat(service.file(unrecorded, Locale.ENGLISH, java.time.ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void theCheckPageIsPublicAndAnswersAFewChecksPerAddress() throws Exception {
        assertThat(mvc.perform(get("/receipts/check")).andReturn().getResponse().getContentAsString())
                .contains("id=\"check-form\"");
        String address = "10.78." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i < ReceiptCheckLimit.CHECKS; i++) {
            assertThat(check(address, null, "x.y").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = check(address, null, "x.y");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("id=\"too-many\"").doesNotContain("receipt-not-valid");
    }

    private MockHttpServletResponse check(String address, byte[] file, String code) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/receipts/check");
        if (file != null) {
            request.file(new MockMultipartFile("receipt", "receipt.pdf", "application/pdf", file));
        }
        if (code != null) {
            request.param("code", code);
        }
        return mvc.perform(request.with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    /** Submits a deal for that customer and waits for the sealer to chain its submission (10 s at most). */
    private UUID sealedSubmission(CurrentUser partner, String customer) throws Exception {
        Map<String, String> deal = DealRegistrationTest.validDeal();
        deal.put("customerName", customer);
        UUID id = submitted(mvc, partner, deal);
        await().atMost(Duration.ofSeconds(10)).until(() -> seals.of(id).map(SubmissionSeals.Seal::sealed).orElse(false));
        return id;
    }

    private Map<String, Object> submissionRow(UUID id) {
        return jdbc.queryForMap("select seal_seq, hash from audit_event where action = 'REGISTRATION_SUBMITTED' "
                + "and subject_id = ?", id.toString());
    }

    private String receipt(UUID id) {
        return jdbc.queryForObject("select receipt_number from registration where id = ?", String.class, id);
    }

    private Instant submittedAt(UUID id) {
        return jdbc.queryForObject("select submitted_at from registration where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
