package org.dealreg.program.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.dealreg.program.Regions;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.dealreg.shared.SupportedCurrency;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/regions}: the regions with their launch dates and holiday calendars, and the exchange rates. */
@Controller
@RequestMapping("/admin/regions")
class RegionsController {

    private final RegionAdministration administration;
    private final Regions regions;
    private final Clock clock;

    RegionsController(RegionAdministration administration, Regions regions, Clock clock) {
        this.administration = administration;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rateForm", RateForm.empty(LocalDate.now(clock)));
        return listPage(model);
    }

    @PostMapping("/rates")
    String recordRate(@Valid @ModelAttribute("rateForm") RateForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.recordRate(form);
                redirect.addFlashAttribute("flash", "admin.rates.recorded");
                return "redirect:/admin/regions";
            } catch (RulesBroken refused) {
                refused.rejectOn(result, LocaleContextHolder.getLocale());
            }
        }
        return listPage(model);
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("launchDateForm", new LaunchDateForm(administration.region(code).launchDate()));
        model.addAttribute("holidayForm", HolidayForm.empty());
        return regionPage(code, model);
    }

    @PostMapping("/{code}/launch-date")
    String moveLaunchDate(@PathVariable String code, @Valid @ModelAttribute("launchDateForm") LaunchDateForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("holidayForm", HolidayForm.empty());
            return regionPage(code, model);
        }
        administration.moveLaunchDate(code, form.launchDate());
        redirect.addFlashAttribute("flash", "admin.regions.launchDateSaved");
        return "redirect:/admin/regions/" + code;
    }

    @PostMapping("/{code}/holidays")
    String addHoliday(@PathVariable String code, @Valid @ModelAttribute("holidayForm") HolidayForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                administration.addHoliday(code, form);
                redirect.addFlashAttribute("flash", "admin.holidays.added");
                return "redirect:/admin/regions/" + code;
            } catch (RulesBroken refused) {
                refused.rejectOn(result, LocaleContextHolder.getLocale());
            }
        }
        model.addAttribute("launchDateForm", new LaunchDateForm(administration.region(code).launchDate()));
        return regionPage(code, model);
    }

    @PostMapping("/{code}/holidays/{day}/remove")
    String removeHoliday(@PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        administration.region(code);
        if (!administration.removeHoliday(code, day)) {
            throw new NotFound("holiday");
        }
        redirect.addFlashAttribute("flash", "admin.holidays.removed");
        return "redirect:/admin/regions/" + code;
    }

    private String listPage(Model model) {
        model.addAttribute("regions", regions.all());
        model.addAttribute("rates", administration.rates());
        Map<String, String> currencies = new LinkedHashMap<>();
        Arrays.stream(SupportedCurrency.values()).filter(c -> c != SupportedCurrency.USD)
                .forEach(currency -> currencies.put(currency.name(), currency.name()));
        model.addAttribute("currencies", currencies);
        return "admin/regions";
    }

    private String regionPage(String code, Model model) {
        model.addAttribute("region", administration.region(code));
        model.addAttribute("holidays", administration.holidays(code));
        return "admin/region";
    }
}
