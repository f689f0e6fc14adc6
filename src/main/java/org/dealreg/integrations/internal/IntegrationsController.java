package org.dealreg.integrations.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Integrations page (docs/api.md): a partner admin keeps the company's machine clients, the programme admin the
 * vendor's. A new secret is shown on the answer to the POST that made it, once, never stored in the session and not
 * cached; a client that is not the admin's to keep is a 404.
 */
@Controller
@RequestMapping("/integrations")
class IntegrationsController {

    private final ApiClients clients;

    IntegrationsController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser admin, Model model) {
        model.addAttribute("nameForm", ClientNameForm.empty());
        return page(admin, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser admin, @Valid @ModelAttribute("nameForm") ClientNameForm form,
            BindingResult result, Model model, HttpServletResponse response) {
        if (result.hasErrors()) {
            return page(admin, model);
        }
        return secretShown(admin, clients.create(admin, form.name()), "integrations.created", model, response);
    }

    @PostMapping("/{clientId}/name")
    String rename(@AuthenticationPrincipal CurrentUser admin, @PathVariable String clientId,
            @Valid @ModelAttribute("renameForm") ClientNameForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("nameForm", ClientNameForm.empty());
            model.addAttribute("renaming", clientId);
            return page(admin, model);
        }
        clients.rename(admin, clientId, form.name());
        redirect.addFlashAttribute("flash", "integrations.renamed");
        return "redirect:/integrations";
    }

    @PostMapping("/{clientId}/secret")
    String rotate(@AuthenticationPrincipal CurrentUser admin, @PathVariable String clientId, Model model,
            HttpServletResponse response) {
        return secretShown(admin, clients.rotate(admin, clientId), "integrations.rotated", model, response);
    }

    @PostMapping("/{clientId}/revocation")
    String revoke(@AuthenticationPrincipal CurrentUser admin, @PathVariable String clientId,
            RedirectAttributes redirect) {
        clients.revoke(admin, clientId);
        redirect.addFlashAttribute("flash", "integrations.revoked");
        return "redirect:/integrations";
    }

    private String secretShown(CurrentUser admin, ApiClients.Credentials credentials, String flash, Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("credentials", credentials);
        model.addAttribute("flash", flash);
        model.addAttribute("nameForm", ClientNameForm.empty());
        return page(admin, model);
    }

    private String page(CurrentUser admin, Model model) {
        ApiClientKind kind = ApiClientKind.administeredBy(admin);
        model.addAttribute("kind", kind);
        model.addAttribute("scopes", kind.scopes().stream().sorted().toList());
        model.addAttribute("clients", clients.list(admin));
        model.addAttribute("graceHours", ApiClients.ROTATION_GRACE.toHours());
        return "integrations/list";
    }
}
