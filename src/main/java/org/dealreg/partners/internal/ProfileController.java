package org.dealreg.partners.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The partner admin's view of its own company: tier, benefits, cap, progress and, for Certified partners, the logo. */
@Controller
@RequestMapping("/partner/profile")
class ProfileController {

    private final PartnerProfiles profiles;
    private final MessageSource messages;

    ProfileController(PartnerProfiles profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("profile", profiles.profile(user.partnerId(), user.zone(), LocaleContextHolder.getLocale()));
        model.addAttribute("managerView", false);
        return "partners/profile";
    }

    /**
     * The Certified logo as a file to download. A Registered partner is told why it has none (403 with an
     * explanation page), never a broken image.
     */
    @GetMapping("/logo.svg")
    Object logo(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        return profiles.certifiedLogo(user.partnerId(), locale, messages.getMessage("logo.certified", null, locale))
                .<Object>map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.valueOf("image/svg+xml"))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("certified-partner-" + slug(logo.partnerName()) + ".svg", StandardCharsets.UTF_8)
                                .build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.svg()))
                .orElseGet(() -> {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    return "partners/logo-refused";
                });
    }

    private static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "partner" : slug;
    }
}
