package org.dealreg.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dealreg.identity.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The programme admin's view of the trail: the newest events, and whether the chain is intact. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    static final int PAGE = 50;

    private final AuditTrail trail;
    private final UserAccounts users;

    AuditController(AuditTrail trail, UserAccounts users) {
        this.trail = trail;
        this.users = users;
    }

    @GetMapping
    String show(@RequestParam(required = false) Long before, Model model) {
        List<AuditEntry> entries = trail.latest(PAGE, before == null || before < 1 ? Long.MAX_VALUE : before);
        Map<UUID, String> names = users.displayNames(entries.stream().map(AuditEntry::actorId)
                .filter(Objects::nonNull).distinct().toList());
        model.addAttribute("entries", entries);
        model.addAttribute("names", names);
        model.addAttribute("verification", trail.verify());
        model.addAttribute("older", entries.size() == PAGE ? entries.get(entries.size() - 1).seq() : null);
        return "admin/audit";
    }
}
