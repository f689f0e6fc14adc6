package org.dealreg.joining.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.dealreg.shared.Countries;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public application form: no sign-in, CSRF as everywhere. */
@Controller
@RequestMapping("/apply")
class ApplyController {

    private final Applications applications;
    private final ApplyLimit limit;

    ApplyController(Applications applications, ApplyLimit limit) {
        this.applications = applications;
        this.limit = limit;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("applicationForm", ApplicationForm.empty());
        return page(model);
    }

    @PostMapping
    String apply(@Valid @ModelAttribute("applicationForm") ApplicationForm form, BindingResult result, Model model,
            HttpServletRequest request) {
        FieldProblem.rejectOnUnmarked(ApplicationRules.problems(form), result, LocaleContextHolder.getLocale());
        if (result.hasErrors()) {
            return page(model);
        }
        Optional<Instant> opensAgain = limit.use(request.getRemoteAddr());
        if (opensAgain.isPresent()) {
            String at = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(LocaleContextHolder.getLocale())
                    .format(opensAgain.get().atZone(LocaleContextHolder.getTimeZone().toZoneId()));
            result.reject("joining.limited", new Object[] {limit.perHour(), at}, "joining.limited");
            return page(model);
        }
        try {
            applications.apply(form);
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
            return page(model);
        }
        return "redirect:/apply/received";
    }

    @GetMapping("/received")
    String received() {
        return "joining/received";
    }

    private static String page(Model model) {
        model.addAttribute("countries", Countries.named(LocaleContextHolder.getLocale()).stream()
                .collect(Collectors.toMap(Countries.Country::code, Countries.Country::name, (a, b) -> a, LinkedHashMap::new)));
        return "joining/apply";
    }
}
