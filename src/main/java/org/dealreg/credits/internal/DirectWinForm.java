package org.dealreg.credits.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the direct-win form posts: the account (by id, one of the rep's own, checked against the owner when it is
 * stored), the amount as typed, its currency and the day the deal closed. The rep comes from the session.
 * {@code submission} is a random id the form is given when it is shown and that the credit is stored under: the
 * same form posted twice (a double click, a resent page) records one credit.
 */
public record DirectWinForm(
        @NotBlank @Size(max = 36) String account,
        @NotBlank @Size(max = 40) String amount,
        @NotBlank String currency,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
        @Size(max = 36) String submission) {

    static DirectWinForm empty(LocalDate today) {
        return new DirectWinForm(null, null, "USD", today, java.util.UUID.randomUUID().toString());
    }
}
