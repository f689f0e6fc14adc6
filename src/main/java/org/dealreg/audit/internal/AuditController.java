package org.dealreg.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.dealreg.identity.CurrentUser;
import org.dealreg.web.Export;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.registration.Receipts;
import org.dealreg.shared.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The trail as a person reads it (docs/audit.md): each event in words in the reader's language, who and what by name
 * (a registration by its receipt, a partner by its name, a user by theirs), narrowed by who, what kind, on what and
 * which days, kept in the URL; the whole chain is checked on every view.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private final AuditTrail trail;
    private final UserAccounts users;
    private final Partners partners;
    private final Receipts receipts;
    private final Export export;
    private final MessageSource messages;

    AuditController(AuditTrail trail, UserAccounts users, Partners partners, Receipts receipts, Export export,
            MessageSource messages) {
        this.trail = trail;
        this.users = users;
        this.partners = partners;
        this.receipts = receipts;
        this.export = export;
        this.messages = messages;
    }

    /** The events the filter keeps, every page, as a file with the page's columns in words (docs/exports.md). */
    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser reader, @RequestParam(defaultValue = "") String format,
            @RequestParam(required = false) String who, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        Export.Format chosen = Export.Format.named(format);
        AuditTrail.Narrowed narrowed = narrowed(new AuditFilter(who, action, subject, day(from), day(to)).cleaned(),
                reader.zone());
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new HashMap<>();
        Export.Columns<AuditEntry> columns = new Export.Columns<AuditEntry>()
                .number("audit.export.seq", AuditEntry::seq)
                .moment("audit.at", AuditEntry::at)
                .text("audit.actor", e -> e.actorId() != null ? names.getOrDefault(e.actorId().toString(), e.actorLabel())
                        : e.actorLabel())
                .text("audit.action", e -> messages.getMessage("audit.action." + e.action(), null, e.action(), locale))
                .text("audit.export.code", AuditEntry::action)
                .text("audit.export.subjectType", AuditEntry::subjectType)
                .text("audit.subject", e -> names.getOrDefault(e.subjectId(), e.subjectId()))
                .text("audit.details", AuditEntry::details)
                .number("audit.seal", AuditEntry::sealSeq);
        Export.Rows<AuditEntry> events = sink -> trail.each(narrowed, sink);
        export.send(response, "audit-trail", chosen, columns, sink -> Export.<AuditEntry>inBatches(events, entries -> {
                    names.clear();
                    names.putAll(subjectNames(entries));
                    users.displayNames(entries.stream().map(AuditEntry::actorId).filter(Objects::nonNull).distinct()
                            .toList()).forEach((id, name) -> names.put(id.toString(), name));
                    entries.forEach(sink);
                }));
    }

    @GetMapping
    String show(@AuthenticationPrincipal CurrentUser reader, @RequestParam(required = false) String page,
            @RequestParam(required = false) String who, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        AuditFilter filter = new AuditFilter(who, action, subject, day(from), day(to)).cleaned();
        AuditTrail.Trail shown = trail.page(Paging.requested(page), narrowed(filter, reader.zone()));
        List<AuditEntry> entries = shown.events().getContent();
        model.addAttribute("entries", shown.events());
        model.addAttribute("names", users.displayNames(entries.stream().map(AuditEntry::actorId)
                .filter(Objects::nonNull).distinct().toList()));
        model.addAttribute("subjects", subjectNames(entries));
        model.addAttribute("verification", shown.verification());
        model.addAttribute("filter", filter);
        model.addAttribute("actions", AuditActions.KNOWN);
        model.addAttribute("pagingBase", base(filter, "/admin/audit"));
        model.addAttribute("exportBase", base(filter, "/admin/audit/export"));
        return "admin/audit";
    }

    /** The filter as the query: an e-mail names its user (or the label a failed sign-in left), a receipt its registration. */
    private AuditTrail.Narrowed narrowed(AuditFilter filter, ZoneId zone) {
        if (!filter.any()) {
            return AuditTrail.Narrowed.NONE;
        }
        UUID actor = filter.who() == null ? null
                : users.findByEmail(filter.who()).map(UserAccounts.UserSummary::id).orElse(null);
        String subject = filter.subject() == null ? null
                : receipts.registration(filter.subject()).map(UUID::toString).orElse(filter.subject());
        Instant start = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant until = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return new AuditTrail.Narrowed(actor, filter.who(), filter.action(), subject, start, until);
    }

    /** What each event is about, by the name people use, in three queries at most whatever the page holds. */
    private Map<String, String> subjectNames(List<AuditEntry> entries) {
        Map<String, String> names = new HashMap<>();
        receipts.of(ids(entries, "registration")).forEach((id, receipt) -> names.put(id.toString(), receipt));
        for (PartnerView partner : partners.findAll(ids(entries, "partner")).values()) {
            names.put(partner.id().toString(), partner.legalName());
        }
        users.displayNames(ids(entries, "user")).forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    private static List<UUID> ids(List<AuditEntry> entries, String type) {
        return entries.stream().filter(e -> type.equals(e.subjectType())).map(e -> uuid(e.subjectId()))
                .flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A day as a date field sends it; anything else is no filter (the field is shown empty). */
    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException notADay) {
            return null;
        }
    }

    /** The page's address with its filter, for the pagination links. */
    private static String base(AuditFilter filter, String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        if (filter.who() != null) {
            uri.queryParam("who", filter.who());
        }
        if (filter.action() != null) {
            uri.queryParam("action", filter.action());
        }
        if (filter.subject() != null) {
            uri.queryParam("subject", filter.subject());
        }
        if (filter.from() != null) {
            uri.queryParam("from", filter.from());
        }
        if (filter.to() != null) {
            uri.queryParam("to", filter.to());
        }
        return uri.encode().build().toUriString();
    }
}
