package org.dealreg.partners;

import java.math.BigDecimal;
import java.util.Locale;

/** A specialisation of the catalogue, named in English and French. */
public record SpecializationView(String code, String nameEn, String nameFr, BigDecimal objectiveUsd, boolean active) {

    public String name(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? nameFr : nameEn;
    }
}
