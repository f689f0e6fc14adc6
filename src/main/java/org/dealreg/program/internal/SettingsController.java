package org.dealreg.program.internal;

import java.security.Principal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.dealreg.program.Setting;
import org.dealreg.shared.TypedText;
import org.springframework.util.MultiValueMap;

/**
 * {@code /admin/settings}: one form with every programme setting, stored all together or not at all. The form's
 * fields are the {@link Setting} keys, so a new setting needs no new form field; only those keys are read, so
 * anything else a post carries is ignored.
 */
@Controller
@RequestMapping("/admin/settings")
class SettingsController {

    private final SettingsAdministration administration;
    private final MessageSource messages;

    SettingsController(SettingsAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        Map<String, String> now = keyed(administration.values());
        return page(model, now, now, Map.of());
    }

    @PostMapping
    String change(@RequestParam MultiValueMap<String, String> params, Principal admin, Model model,
            RedirectAttributes redirect) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> shown = new EnumMap<>(Setting.class);
        Map<Setting, FieldProblem> typed = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (params.containsKey(setting.key())) {
                values.put(setting, asTyped(params.get(setting.key())));
                try {
                    values.put(setting, TypedText.single(params.get(setting.key()), false));
                } catch (RulesBroken refused) {
                    typed.put(setting, SettingRules.on(setting, refused.code()));
                }
            }
            if (params.containsKey("shown." + setting.key())) {
                try {
                    shown.put(setting, TypedText.single(params.get("shown." + setting.key()), false));
                } catch (RulesBroken refused) {
                    typed.putIfAbsent(setting, SettingRules.on(setting, refused.code()));
                }
            }
        }
        try {
            if (!typed.isEmpty()) {
                throw new RulesBroken(List.copyOf(typed.values()));
            }
            int changed = administration.change(values, shown, admin.getName());
            redirect.addFlashAttribute("flash", changed == 0 ? "admin.settings.unchanged" : "admin.settings.saved");
            return "redirect:/admin/settings";
        } catch (RulesBroken refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                    messages.getMessage(problem, LocaleContextHolder.getLocale())));
            return page(model, keyed(values), shown.isEmpty() ? keyed(administration.values()) : keyed(shown), errors);
        }
    }

    /** {@code shown}: the values the page first showed, carried along so a save writes only what was changed here. */
    private String page(Model model, Map<String, String> values, Map<String, String> shown, Map<String, String> errors) {
        model.addAttribute("rows", administration.all());
        model.addAttribute("values", values);
        model.addAttribute("shown", shown);
        model.addAttribute("errors", errors);
        Map<String, java.util.List<String>> choices = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) {
            if (!SettingRules.choices(setting).isEmpty()) {
                choices.put(setting.key(), SettingRules.choices(setting).stream().sorted().toList());
            }
        }
        model.addAttribute("choices", choices);
        return "admin/settings";
    }

    /** What the admin typed, shown again on the refused form: the first value when a field was sent twice. */
    private static String asTyped(java.util.List<String> sent) {
        return sent.isEmpty() ? null : sent.get(0);
    }

    private static Map<String, String> keyed(Map<Setting, String> values) {
        Map<String, String> keyed = new LinkedHashMap<>();
        values.forEach((setting, value) -> keyed.put(setting.key(), value));
        return keyed;
    }
}
