package org.dealreg.registration.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.EmailAddress;
import org.dealreg.shared.MultiLine;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the registration form posts. It has no id, partner or status: those come from the signed-in
 * user and the lifecycle, so a forged field in the POST is simply not bound. The amount stays text
 * until {@link org.dealreg.shared.Amounts} reads it, so that "75 000,00" and "75,000.00" both work.
 */
public record DealForm(
        @NotBlank @Size(max = 200) String customerName,
        @Size(max = 255) String customerWebsite,
        @NotBlank @Size(max = 2) String customerCountry,
        @Size(max = 120) String customerCity,
        @NotBlank @Size(max = 120) String contactName,
        @NotBlank @EmailAddress @Size(max = 254) String contactEmail,
        @Size(max = 40) @Pattern(regexp = "[0-9+().\\-\\s]*") String contactPhone,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @MultiLine @Size(max = 4000) String description,
        @NotBlank String specialization,
        @NotBlank @Size(max = 40) String amount,
        @NotBlank String currency,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
        @MultiLine @Size(max = 1000) String competitors) {

    static DealForm empty(String currency) {
        return new DealForm(null, null, null, null, null, null, null, null, null, null, null, currency, null, null);
    }
}
