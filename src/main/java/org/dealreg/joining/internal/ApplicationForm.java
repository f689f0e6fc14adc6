package org.dealreg.joining.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.dealreg.shared.EmailAddress;
import org.dealreg.shared.MultiLine;

/**
 * What the public application form posts. No status, tier or partner id: an application always starts PENDING for an
 * APPLIED company, whatever else a POST carries.
 */
public record ApplicationForm(
        @NotBlank @Size(max = 200) String legalName,
        @NotBlank @Size(max = 2) String country,
        @NotBlank @Size(max = 120) String contactName,
        @NotBlank @EmailAddress @Size(max = 254) String contactEmail,
        @Size(max = 40) String contactPhone,
        @Size(max = 255) String website,
        @MultiLine @Size(max = 2000) String message) {

    static ApplicationForm empty() {
        return new ApplicationForm(null, null, null, null, null, null, null);
    }

    String legalNameTrimmed() {
        return legalName.strip().replaceAll("\\s+", " ");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
