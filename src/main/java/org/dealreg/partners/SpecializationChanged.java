package org.dealreg.partners;

import java.math.BigDecimal;

/**
 * The programme admin changed the specialisation catalogue: {@code change} is ADDED, RENAMED, OBJECTIVE_SET, RETIRED
 * or REACTIVATED; the names and objective are what the specialisation holds afterwards.
 */
public record SpecializationChanged(String code, String change, String nameEn, String nameFr, BigDecimal objectiveUsd) {
}
