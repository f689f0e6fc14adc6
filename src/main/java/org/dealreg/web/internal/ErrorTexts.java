package org.dealreg.web.internal;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an error page says, from the message bundles: {@code error.<status>.title} and {@code .text} where the
 * portal has its own words for a status, else the general ones. A body over its limit names the limit that was
 * passed: the file's for an upload, the form's otherwise.
 */
@Component
class ErrorTexts {

    private final MessageSource messages;
    private final DataSize fileLimit;
    private final DataSize formLimit;

    ErrorTexts(MessageSource messages, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize fileLimit,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        this.messages = messages;
        this.fileLimit = fileLimit;
        this.formLimit = formLimit;
    }

    String title(int status, Locale locale) {
        return own("error." + status + ".title", locale, (Object[]) null)
                .orElse(messages.getMessage(status >= 500 ? "error.500.title" : "error.other.title", null, locale));
    }

    /** @param reference what the log calls a failure of the portal itself, or null */
    String text(int status, HttpServletRequest request, String reference, Locale locale) {
        if (status == 413) {
            boolean upload = request.getContentType() != null && request.getContentType().startsWith("multipart/");
            return messages.getMessage(upload ? "error.413.file" : "error.413.form",
                    new Object[] {megabytes(upload ? fileLimit : formLimit, locale)}, locale);
        }
        if (status >= 500 && status != 503) {
            return messages.getMessage("error.500.text", null, locale)
                    + (reference == null ? "" : " " + messages.getMessage("error.reference", new Object[] {reference}, locale));
        }
        return own("error." + status + ".text", locale, status)
                .orElse(messages.getMessage("error.other.text", new Object[] {status}, locale));
    }

    /** What a form shows above what was typed when its submission could not be stored. */
    String unstored(Locale locale) {
        return messages.getMessage("error.503.unstored", null, locale);
    }

    private Optional<String> own(String key, Locale locale, Object... args) {
        try {
            return Optional.of(messages.getMessage(key, args, locale));
        } catch (NoSuchMessageException none) {
            return Optional.empty();
        }
    }

    private static String megabytes(DataSize size, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(size.toBytes() / (1024.0 * 1024.0));
    }
}
