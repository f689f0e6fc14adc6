package org.dealreg.partners.internal;

import jakarta.validation.Valid;

import org.dealreg.partners.SpecializationView;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/specializations}: the catalogue, a form to add one, and each one's names, objective and status. */
@Controller
@RequestMapping("/admin/specializations")
class SpecializationsController {

    private final SpecializationCatalogue catalogue;

    SpecializationsController(SpecializationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("specializationForm", SpecializationForm.empty());
        return listPage(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("specializationForm") SpecializationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                catalogue.add(form);
                redirect.addFlashAttribute("flash", "admin.specializations.added");
                return "redirect:/admin/specializations";
            } catch (RulesBroken refused) {
                refused.rejectOn(result, LocaleContextHolder.getLocale());
            }
        }
        return listPage(model);
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        SpecializationView view = catalogue.find(code);
        model.addAttribute("specializationForm",
                new SpecializationForm(null, view.nameEn(), view.nameFr(), view.objectiveUsd().toPlainString()));
        return editPage(view, model);
    }

    @PostMapping("/{code}")
    String change(@PathVariable String code, @Valid @ModelAttribute("specializationForm") SpecializationForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        SpecializationView view = catalogue.find(code);
        if (!result.hasErrors()) {
            try {
                catalogue.change(code, form);
                redirect.addFlashAttribute("flash", "admin.specializations.saved");
                return "redirect:/admin/specializations";
            } catch (RulesBroken refused) {
                refused.rejectOn(result, LocaleContextHolder.getLocale());
            }
        }
        return editPage(view, model);
    }

    @PostMapping("/{code}/retire")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        catalogue.setActive(code, false);
        redirect.addFlashAttribute("flash", "admin.specializations.retired");
        return "redirect:/admin/specializations";
    }

    @PostMapping("/{code}/reactivate")
    String reactivate(@PathVariable String code, RedirectAttributes redirect) {
        catalogue.setActive(code, true);
        redirect.addFlashAttribute("flash", "admin.specializations.reactivated");
        return "redirect:/admin/specializations";
    }

    private String listPage(Model model) {
        model.addAttribute("specializations", catalogue.all());
        return "admin/specializations";
    }

    private String editPage(SpecializationView view, Model model) {
        model.addAttribute("specialization", view);
        return "admin/specialization";
    }
}
