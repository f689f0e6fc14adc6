package org.dealreg.webhooks.internal;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.dealreg.identity.CurrentUser;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.dealreg.webhooks.internal.Subscriptions.Owner;
import org.dealreg.webhooks.internal.Subscriptions.Secret;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * Partner admins (their company's subscriptions) and programme admins (the programme's), SecurityConfiguration; a
 * subscription of another owner is a 404. A secret is shown once, in the answer to the post that made it, and never
 * travels through the session.
 */
@Controller
@RequestMapping("/webhooks")
class WebhooksController {

    private final Subscriptions subscriptions;

    WebhooksController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("subscriptionForm", SubscriptionForm.empty());
        return listPage(Owner.of(user), model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("subscriptionForm") SubscriptionForm form,
            BindingResult result, Model model) {
        Owner owner = Owner.of(user);
        if (result.hasErrors()) {
            return listPage(owner, model);
        }
        try {
            return secretPage(subscriptions.create(owner, form.url(), form.events()), false, model);
        } catch (RulesBroken refused) {
            refused.rejectOn(result, LocaleContextHolder.getLocale());
            return listPage(owner, model);
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        Subscriptions.Detail detail = subscriptions.detail(Owner.of(user), NotFound.id(id, "Webhook subscription"));
        model.addAttribute("subscription", detail.subscription());
        model.addAttribute("attempts", detail.attempts());
        return "webhooks/show";
    }

    @PostMapping("/{id}/rotate")
    String rotate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Model model) {
        return secretPage(subscriptions.rotate(Owner.of(user), NotFound.id(id, "Webhook subscription")), true, model);
    }

    @PostMapping("/{id}/pause")
    String pause(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        UUID subscriptionId = NotFound.id(id, "Webhook subscription");
        subscriptions.pause(Owner.of(user), subscriptionId);
        redirect.addFlashAttribute("flash", "webhooks.paused");
        return "redirect:/webhooks/" + subscriptionId;
    }

    @PostMapping("/{id}/resume")
    String resume(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        UUID subscriptionId = NotFound.id(id, "Webhook subscription");
        subscriptions.resume(Owner.of(user), subscriptionId);
        redirect.addFlashAttribute("flash", "webhooks.resumed");
        return "redirect:/webhooks/" + subscriptionId;
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
        subscriptions.delete(Owner.of(user), NotFound.id(id, "Webhook subscription"));
        redirect.addFlashAttribute("flash", "webhooks.deleted");
        return "redirect:/webhooks";
    }

    @PostMapping("/{id}/messages/{messageId}/send-again")
    String sendAgain(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String messageId,
            RedirectAttributes redirect) {
        UUID subscriptionId = NotFound.id(id, "Webhook subscription");
        subscriptions.sendAgain(Owner.of(user), subscriptionId, NotFound.id(messageId, "Webhook message"));
        redirect.addFlashAttribute("flash", "webhooks.sentAgain");
        return "redirect:/webhooks/" + subscriptionId;
    }

    private String listPage(Owner owner, Model model) {
        model.addAttribute("subscriptions", subscriptions.list(owner));
        model.addAttribute("eventTypes", choosable(owner));
        model.addAttribute("programme", !owner.partner());
        model.addAttribute("mostSubscriptions", Subscriptions.MOST_SUBSCRIPTIONS);
        return "webhooks/list";
    }

    private String secretPage(Secret secret, boolean rotated, Model model) {
        model.addAttribute("secret", secret);
        model.addAttribute("rotated", rotated);
        model.addAttribute("graceHours", Subscriptions.ROTATION_GRACE.toHours());
        return "webhooks/secret";
    }

    private static List<String> choosable(Owner owner) {
        return WebhookEventType.choosable(owner.partner()).stream().map(WebhookEventType::wireName).toList();
    }
}
