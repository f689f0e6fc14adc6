package org.dealreg.receipts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dealreg.crypto.BlindIndex;
import org.dealreg.crypto.internal.KeyRing;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The receipt code and the PDF, without the portal: the code vouches for every character, the file shows it. */
class ReceiptCodeTest {

    private static final ReceiptCode RECEIPT = new ReceiptCode("DR-2026-000042",
            Instant.parse("2026-12-08T14:03:27.123456Z"), "ab".repeat(32), "Société Générale\nŁódź 東京");

    @Test
    void aCodeReadsBackAsTheReceiptItStates() {
        BlindIndex key = key(1);
        assertThat(ReceiptCode.read(RECEIPT.text(key), key)).contains(RECEIPT);
    }

    @Test
    void aCodeWithAnyCharacterChangedOrMadeWithAnotherKeyIsNoReceipt() {
        BlindIndex key = key(1);
        String code = RECEIPT.text(key);
        for (int at = 0; at < code.length(); at++) {
            char c = code.charAt(at);
            String changed = code.substring(0, at) + (c == 'A' ? 'B' : 'A') + code.substring(at + 1);
            assertThat(ReceiptCode.read(changed, key)).as("character %d changed", at).isEmpty();
        }
        assertThat(ReceiptCode.read(RECEIPT.text(key(2)), key)).isEmpty();
        assertThat(ReceiptCode.read("", key)).isEmpty();
        assertThat(ReceiptCode.read("no dot at all", key)).isEmpty();
    }

    @Test
    void thePdfShowsTheReceiptAndCarriesItsCodeWhateverTheFontCannotDraw() throws IOException {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        String code = RECEIPT.text(key(1));
        byte[] file = new ReceiptPdf(messages).render(new ReceiptPdf.Page(RECEIPT, code, 1234,
                "https://portal.example/receipts/check"), Locale.FRENCH, ZoneId.of("Europe/Paris"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/receipt-sample.pdf"), file);

        assertThat(ReceiptPdf.codeIn(file)).contains(code);
        try (PDDocument pdf = Loader.loadPDF(file)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Accusé d’enregistrement").contains("DR-2026-000042")
                    .contains("Société Générale Łódź ??").contains("1234").contains("ab".repeat(32))
                    .contains("https://portal.example/receipts/check");
        }
        assertThat(ReceiptPdf.codeIn("not a pdf".getBytes())).isEmpty();
    }

    private static BlindIndex key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        SecretKeySpec aes = new SecretKeySpec(bytes, "AES");
        return new BlindIndex(new KeyRing(Map.of("k", aes), "k", new SecretKeySpec(bytes, "HmacSHA256")));
    }
}
