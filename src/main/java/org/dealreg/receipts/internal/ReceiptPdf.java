package org.dealreg.receipts.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.dealreg.shared.Written;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A receipt as a one-page PDF made with Apache PDFBox, in the reader's language and time zone: what it states, where
 * the submission sits in the audit chain, and its code, which the file also carries in its document information
 * ({@value #CODE_KEY}) so the check page reads it from an uploaded file.
 */
@Component
class ReceiptPdf {

    static final String CODE_KEY = "DealregReceiptCode";
    /** A sans-serif font with the Latin, Greek and Cyrillic scripts, shipped inside PDFBox. */
    private static final String SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final int CODE_LINE = 64;

    private final MessageSource messages;

    ReceiptPdf(MessageSource messages) {
        this.messages = messages;
    }

    /** What the page says beyond the code: the chain position and the page where a receipt is checked. */
    record Page(ReceiptCode receipt, String code, long position, String checkAddress) {
    }

    byte[] render(Page page, Locale locale, ZoneId zone) {
        ReceiptCode receipt = page.receipt();
        try (PDDocument pdf = new PDDocument(); InputStream sansFile = ReceiptPdf.class.getResourceAsStream(SANS)) {
            PDPage a4 = new PDPage(PDRectangle.A4);
            pdf.addPage(a4);
            PDFont sans = PDType0Font.load(pdf, sansFile);
            PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            try (Writer out = new Writer(pdf, a4, sans)) {
                out.line(sans, 18, text("receipt.pdf.title", locale), 28);
                out.line(sans, 10, text("receipt.pdf.intro", locale), 22);
                out.field(text("deal.receipt", locale), receipt.number());
                out.field(text("receipt.pdf.customer", locale), receipt.customerName());
                out.field(text("deal.submittedAt", locale), Written.moment(receipt.submittedAt(), zone, locale)
                        + " (" + zone.getId() + ")");
                out.field(text("receipt.pdf.submittedUtc", locale), receipt.submittedAt().toString());
                out.field(text("receipt.pdf.position", locale), String.valueOf(page.position()));
                out.line(sans, 10, text("receipt.pdf.hash", locale), 14);
                out.line(mono, 9, receipt.chainHash(), 22);
                out.line(sans, 10, text("receipt.pdf.code", locale), 14);
                String code = page.code();
                for (int i = 0; i < code.length(); i += CODE_LINE) {
                    out.line(mono, 9, code.substring(i, Math.min(code.length(), i + CODE_LINE)), 11);
                }
                out.skip(14);
                out.line(sans, 10, text("receipt.pdf.check", locale, page.checkAddress()), 14);
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(text("receipt.pdf.title", locale) + " " + receipt.number());
            info.setCreator("dealreg");
            Calendar submitted = GregorianCalendar.from(receipt.submittedAt().atZone(zone));
            info.setCreationDate(submitted);
            info.setCustomMetadataValue(CODE_KEY, page.code());
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            pdf.save(file);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt's PDF could not be made", e);
        }
    }

    /** The code a receipt file carries; empty when the bytes are no PDF or carry none. */
    static Optional<String> codeIn(byte[] file) {
        try (PDDocument pdf = Loader.loadPDF(file)) {
            return Optional.ofNullable(pdf.getDocumentInformation().getCustomMetadataValue(CODE_KEY));
        } catch (IOException | RuntimeException notAReceipt) {
            return Optional.empty();
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Writes lines down the page, wrapping long ones at the margin. */
    private static final class Writer implements AutoCloseable {

        private final PDPageContentStream content;
        private final PDFont sans;
        private final float width;
        private float y;

        Writer(PDDocument pdf, PDPage page, PDFont sans) throws IOException {
            this.content = new PDPageContentStream(pdf, page);
            this.sans = sans;
            this.width = page.getMediaBox().getWidth() - 2 * MARGIN;
            this.y = page.getMediaBox().getHeight() - MARGIN;
        }

        void field(String label, String value) throws IOException {
            line(sans, 9, label, 13);
            line(sans, 12, value, 20);
        }

        void line(PDFont font, float size, String text, float after) throws IOException {
            List<String> lines = wrap(font, size, printable(font, text));
            for (int i = 0; i < lines.size(); i++) {
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(lines.get(i));
                content.endText();
                y -= i == lines.size() - 1 ? after : size * 1.3f;
            }
        }

        void skip(float space) {
            y -= space;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String tried = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(tried);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** The text with each character the font cannot show as "?" (the code carries the text exactly). */
        private static String printable(PDFont font, String text) {
            StringBuilder shown = new StringBuilder();
            text.codePoints().forEach(c -> {
                String one = Character.isISOControl(c) ? " " : new String(Character.toChars(c));
                try {
                    font.encode(one);
                    shown.append(one);
                } catch (IOException | IllegalArgumentException cannot) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }
    }
}
