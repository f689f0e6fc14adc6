package org.dealreg.program.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A public holiday to add to a region's calendar. */
record HolidayForm(@NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
        @NotBlank @Size(max = 100) String name) {

    static HolidayForm empty() {
        return new HolidayForm(null, null);
    }
}
