package org.dealreg.joining.internal;

import java.util.ArrayList;
import java.util.List;

import org.dealreg.shared.Countries;
import org.dealreg.shared.CustomerNormaliser;
import org.dealreg.shared.FieldProblem;

/**
 * What the public application form must hold beyond its format constraints: a phone of digits and the usual
 * punctuation (as on the deal form), a website on a registrable domain, a known country. Plain Java; the page shows
 * each problem on its field beside the format errors, before the form counts against the address's hour.
 */
final class ApplicationRules {

    private ApplicationRules() {
    }

    static List<FieldProblem> problems(ApplicationForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.contactPhone() != null && !form.contactPhone().matches("[0-9+().\\-\\s]*")) {
            problems.add(FieldProblem.on("contactPhone", "joining.phone.invalid"));
        }
        if (!CustomerNormaliser.isValidWebsite(form.website())) {
            problems.add(FieldProblem.on("website", "input.website"));
        }
        if (!Countries.isKnown(form.country())) {
            problems.add(FieldProblem.on("country", "joining.country.unknown"));
        }
        return problems;
    }
}
