package org.dealreg.registration.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.MultiLine;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the close form posts: won (final amount, currency, the day it was won) or lost (why). The registration,
 * its company and who closes it come from the URL and the session; {@code version} is the one the partner saw.
 */
public record CloseForm(
        @NotBlank @Pattern(regexp = "WON|LOST") String outcome,
        @Size(max = 40) String amount,
        String currency,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
        @MultiLine @Size(max = 2000) String lostReason,
        int version) {

    static CloseForm blank(String currency, int version) {
        return new CloseForm(null, null, currency, null, null, version);
    }
}
