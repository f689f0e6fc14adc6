package org.dealreg.audit.internal;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dealreg.identity.UserAccounts;
import org.dealreg.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The programme admin's view of the trail: the events, newest first, a page at a time, and whether the chain is intact. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditTrail trail;
    private final UserAccounts users;

    AuditController(AuditTrail trail, UserAccounts users) {
        this.trail = trail;
        this.users = users;
    }

    @GetMapping
    String show(@RequestParam(required = false) String page, Model model) {
        AuditTrail.Trail shown = trail.page(Paging.requested(page));
        Map<UUID, String> names = users.displayNames(shown.events().stream().map(AuditEntry::actorId)
                .filter(Objects::nonNull).distinct().toList());
        model.addAttribute("entries", shown.events());
        model.addAttribute("names", names);
        model.addAttribute("verification", shown.verification());
        return "admin/audit";
    }
}
