package org.dealreg.partners.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A specialisation to add, or the names and objective of one to change (the code is then the page's, not the form's).
 * The objective is typed as text so that a letter or a negative number gets the page's own message.
 */
record SpecializationForm(
        @Size(max = 40) String code,
        @NotBlank @Size(max = 120) String nameEn,
        @NotBlank @Size(max = 120) String nameFr,
        @NotBlank @Size(max = 20) String objectiveUsd) {

    static SpecializationForm empty() {
        return new SpecializationForm(null, null, null, "0");
    }
}
