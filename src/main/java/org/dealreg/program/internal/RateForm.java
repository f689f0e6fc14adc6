package org.dealreg.program.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A rate to record: US dollars per unit of the currency, as typed, in force from a day. */
record RateForm(@NotBlank String currency, @NotBlank @Size(max = 30) String usdPerUnit,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom) {

    static RateForm empty(LocalDate today) {
        return new RateForm("EUR", null, today);
    }
}
