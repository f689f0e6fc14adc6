package org.dealreg.integrations.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.dealreg.accounts.AccountBook;
import org.dealreg.accounts.AccountImports;
import org.dealreg.accounts.AccountImports.Line;
import org.dealreg.accounts.AccountImports.Outcome;
import org.dealreg.accounts.AccountImports.Report;
import org.dealreg.accounts.AccountImports.Result;
import org.dealreg.accounts.DirectAccounts;
import org.dealreg.conflicts.ConflictReports;
import org.dealreg.credits.DirectWins;
import org.dealreg.identity.CurrentUser;
import org.dealreg.identity.Role;
import org.dealreg.identity.UserAccounts;
import org.dealreg.partners.PartnerView;
import org.dealreg.partners.Partners;
import org.dealreg.registration.RegistrationFeed;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's CRM talks to the portal (docs/api.md): direct-sales accounts one at a time or in bulk (as the import
 * page loads them), engagements, reps' direct wins by the CRM's opportunity id, and a feed of every company's
 * registrations with plain fields only.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Vendor", description = "The vendor's CRM: accounts, engagements, direct wins, the registrations feed")
class VendorApi {

    /** The most lines one bulk call takes; more is refused whole. */
    static final int MOST_LINES = 100_000;
    static final int FEED_LIMIT = 500;

    private final AccountImports imports;
    private final AccountBook book;
    private final DirectAccounts accounts;
    private final DirectWins wins;
    private final UserAccounts users;
    private final RegistrationFeed feed;
    private final ConflictReports reports;
    private final Partners partners;
    private final ApiLimits limits;
    private final JsonMapper json;
    private final MessageSource messages;

    VendorApi(AccountImports imports, AccountBook book, DirectAccounts accounts, DirectWins wins, UserAccounts users,
            RegistrationFeed feed, ConflictReports reports, Partners partners, ApiLimits limits, JsonMapper json,
            MessageSource messages) {
        this.imports = imports;
        this.book = book;
        this.accounts = accounts;
        this.wins = wins;
        this.users = users;
        this.feed = feed;
        this.reports = reports;
        this.partners = partners;
        this.limits = limits;
        this.json = json;
        this.messages = messages;
    }

    /** A direct-sales account as the CRM sends it. */
    record Account(String crmId, String name, String country, List<String> domains, String ownerEmail) {
    }

    /** What became of one line (or the one account): CREATED, UPDATED or REJECTED with why. */
    record LineResult(long line, String crmId, String result, @Schema(nullable = true) String code,
            @Schema(nullable = true) String detail) {
    }

    record BulkResult(int created, int updated, int rejected, List<LineResult> results) {
    }

    @PutMapping(path = "/accounts/{crmId}", consumes = "application/json")
    @Operation(summary = "Create or update one direct-sales account by its CRM id")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "200", description = "Updated, or already as sent")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "422", description = "The line breaks a rule of the import (errors)")
    ResponseEntity<LineResult> putAccount(@PathVariable String crmId, @RequestBody Account account, Locale locale) {
        Outcome outcome = imports.importLines(List.of(new Line(1, crmId, account.name(), account.country(),
                account.domains(), account.ownerEmail()))).outcomes().get(0);
        if (outcome.result() == Result.REJECTED) {
            throw RulesBroken.on(field(outcome), outcome.reason(), outcome.args().toArray());
        }
        return ResponseEntity.status(outcome.result() == Result.CREATED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result(outcome, locale));
    }

    @PostMapping(path = "/accounts/bulk", consumes = {"application/x-ndjson", "text/csv"})
    @Operation(summary = "Create or update up to 100,000 accounts in one call",
            description = "NDJSON (one account object per line) or CSV with the import page's columns (crm_id, name, "
                    + "country, domains separated by ';', owner_email). Every line is checked; good lines are stored, "
                    + "each bad one is answered with its reason. Sending the same lines again changes nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string",
                    description = "One Account object per line")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "crm_id,name,country,domains,owner_email"))})
    @ApiResponse(responseCode = "200", description = "A result per line")
    @ApiResponse(responseCode = "422", description = "More than 100,000 lines, or a CSV without the columns")
    @ApiResponse(responseCode = "429", description = "Over the client's bulk lines per hour (Retry-After)")
    BulkResult bulk(HttpServletRequest request, Locale locale) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        long lines = countLines(body);
        if (lines > MOST_LINES + 1) {
            throw RulesBroken.global("api.bulk.tooMany", MOST_LINES);
        }
        limits.bulkLines(SecurityContextHolder.getContext().getAuthentication().getName(), Math.max(1, lines));
        Report report = MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.parseMediaType("text/csv"))
                ? imports.importCsv(new ByteArrayInputStream(body))
                : ndjson(body);
        if (report.refusal() != null) {
            throw RulesBroken.global(report.refusal(), String.join(",", AccountImports.COLUMNS));
        }
        if (report.outcomes().size() > MOST_LINES) {
            throw RulesBroken.global("api.bulk.tooMany", MOST_LINES);
        }
        List<LineResult> results = report.outcomes().stream().map(o -> result(o, locale)).toList();
        return new BulkResult(report.created(), report.updated(), report.rejected().size(), results);
    }

    /** One JSON object per line; a line that is not one is rejected by itself, the others still load. */
    private Report ndjson(byte[] body) {
        List<Line> lines = new ArrayList<>();
        List<Outcome> unreadable = new ArrayList<>();
        String[] texts = new String(body, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < texts.length; i++) {
            if (texts[i].isBlank()) {
                continue;
            }
            try {
                Account account = json.readValue(texts[i], Account.class);
                lines.add(new Line(i + 1, account.crmId(), account.name(), account.country(), account.domains(),
                        account.ownerEmail()));
            } catch (JacksonException notJson) {
                unreadable.add(new Outcome(i + 1, "", Result.REJECTED, "api.bulk.unreadable", List.of()));
            }
        }
        if (lines.size() + unreadable.size() > MOST_LINES) {
            throw RulesBroken.global("api.bulk.tooMany", MOST_LINES);
        }
        List<Outcome> outcomes = new ArrayList<>(imports.importLines(lines).outcomes());
        outcomes.addAll(unreadable);
        outcomes.sort(Comparator.comparingLong(Outcome::line));
        return new Report(outcomes, null);
    }

    record Engagement(String repEmail, LocalDate since) {
    }

    /** Whether direct sales is in contact with the account's customer after the call. */
    record EngagementState(String crmId, boolean engaged) {
    }

    @PutMapping(path = "/accounts/{crmId}/engagement", consumes = "application/json")
    @Operation(summary = "A rep is in contact with the customer from a day (or records activity on an open engagement)")
    @ApiResponse(responseCode = "200", description = "Recorded: engaged")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "404", description = "No account has this CRM id")
    @ApiResponse(responseCode = "422", description = "Not a sales rep, or no day (errors)")
    EngagementState engage(@PathVariable String crmId, @RequestBody Engagement engagement) {
        UUID account = book.idOf(crmId).orElseThrow(() -> new NotFound("Account"));
        CurrentUser rep = rep(engagement.repEmail(), "repEmail");
        if (engagement.since() == null) {
            throw RulesBroken.on("since", "NotNull");
        }
        book.engage(account, rep.id(), engagement.since());
        return new EngagementState(crmId, true);
    }

    @DeleteMapping("/accounts/{crmId}/engagement")
    @Operation(summary = "Direct sales is no longer in contact with the customer from a day (today if none)")
    @ApiResponse(responseCode = "200", description = "Ended: not engaged")
    @ApiResponse(responseCode = "404", description = "No account has this CRM id")
    EngagementState endEngagement(@PathVariable String crmId,
            @RequestParam(required = false) LocalDate endedOn) {
        UUID account = book.idOf(crmId).orElseThrow(() -> new NotFound("Account"));
        LocalDate today = LocalDate.now();
        LocalDate day = endedOn != null ? endedOn : today;
        book.endEngagements(account, day);
        return new EngagementState(crmId, day.isAfter(today));
    }

    record DirectWin(String repEmail, String accountCrmId, BigDecimal amount, String currency, LocalDate closedOn) {
    }

    record Recorded(String opportunityId, boolean recordedNow) {
    }

    @PutMapping(path = "/direct-wins/{opportunityId}", consumes = "application/json")
    @Operation(summary = "Credit a rep with a direct win, once per CRM opportunity",
            description = "The direct-win form's rules: an account the rep owns, a positive amount in a supported "
                    + "currency with a rate that day, a day not in the future. The same opportunity again is 200 and "
                    + "stores nothing.")
    @ApiResponse(responseCode = "201", description = "Recorded now")
    @ApiResponse(responseCode = "200", description = "This opportunity was recorded before: nothing more stored")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "422", description = "A rule of the direct-win form is broken (errors)")
    ResponseEntity<Recorded> directWin(@PathVariable String opportunityId, @RequestBody DirectWin win) {
        CurrentUser rep = rep(win.repEmail(), "repEmail");
        UUID account = win.accountCrmId() == null ? null : book.idOf(win.accountCrmId())
                .orElseThrow(() -> RulesBroken.on("accountCrmId", "api.account.unknown"));
        boolean now = wins.recordFromCrm(opportunityId, rep, account, win.amount(), win.currency(), win.closedOn());
        return ResponseEntity.status(now ? HttpStatus.CREATED : HttpStatus.OK).body(new Recorded(opportunityId, now));
    }

    /** A registration as the CRM may read it: plain fields, no text a partner typed. */
    record FeedEntry(UUID id, String receiptNumber, UUID partnerId, String partnerName, String region, String status,
            String verdict, BigDecimal amountUsd, Instant submittedAt, Instant decisionDueAt,
            @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) Instant protectionEndsAt,
            @Schema(nullable = true) Instant endedAt, @Schema(nullable = true) LocalDate closedOn,
            @Schema(nullable = true) BigDecimal wonAmountUsd, @Schema(nullable = true) String matchedAccountCrmId,
            Instant changedAt) {
    }

    record FeedPage(List<FeedEntry> items, @Schema(nullable = true) String nextCursor) {
    }

    @GetMapping("/feed/registrations")
    @Operation(summary = "Every company's registrations, oldest change first, plain fields only",
            description = "Follow nextCursor until it is null; ask again from a minute before the latest change seen.")
    @ApiResponse(responseCode = "200", description = "A page of registrations, plain fields")
    @ApiResponse(responseCode = "400", description = "A parameter is not of its type (errors)")
    @ApiResponse(responseCode = "422", description = "The limit is out of range, or the cursor was not given by the API")
    FeedPage registrations(@RequestParam(required = false) Instant updatedSince,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int size = limit == null ? FEED_LIMIT : limit;
        if (size < 1 || size > FEED_LIMIT) {
            throw RulesBroken.on("limit", "api.limit.range", 1, FEED_LIMIT);
        }
        RegistrationFeed.Page page = feed.changes(updatedSince, Cursors.decode(cursor), size);
        Set<UUID> ids = new HashSet<>();
        Set<UUID> partnerIds = new HashSet<>();
        page.entries().forEach(e -> {
            ids.add(e.id());
            partnerIds.add(e.partnerId());
        });
        Map<UUID, UUID> matched = reports.matchedAccounts(ids);
        Map<UUID, String> crmIds = accounts.crmIds(new HashSet<>(matched.values()));
        Map<UUID, PartnerView> companies = partners.findAll(partnerIds);
        List<FeedEntry> items = page.entries().stream().map(e -> {
            PartnerView partner = companies.get(e.partnerId());
            UUID account = matched.get(e.id());
            return new FeedEntry(e.id(), e.receiptNumber(), e.partnerId(), partner == null ? null : partner.legalName(),
                    partner == null ? null : partner.regionCode(), e.status().name(), e.verdict().name(),
                    e.amountUsd(), e.submittedAt(), e.decisionDueAt(), e.decidedAt(), e.protectionEndsAt(),
                    e.endedAt(), e.closedOn(), e.wonAmountUsd(), account == null ? null : crmIds.get(account),
                    e.changedAt());
        }).toList();
        return new FeedPage(items, Cursors.encode(page.next()));
    }

    /** A sales rep who may use the portal now, by e-mail; a problem on {@code field} otherwise. */
    private CurrentUser rep(String email, String field) {
        return (email == null ? java.util.Optional.<UserAccounts.UserSummary>empty() : users.findByEmail(email))
                .filter(user -> user.role() == Role.SALES_REP)
                .flatMap(user -> users.allowedNow(user.id()))
                .orElseThrow(() -> RulesBroken.on(field, "api.rep.unknown", email));
    }

    private LineResult result(Outcome outcome, Locale locale) {
        String detail = outcome.reason() == null ? null : messages.getMessage(new DefaultMessageSourceResolvable(
                new String[] {outcome.reason()}, outcome.args().toArray(), outcome.reason()), locale);
        return new LineResult(outcome.line(), outcome.crmId(), outcome.result().name(), outcome.reason(), detail);
    }

    /** The account's field a rejected line is about. */
    private static String field(Outcome outcome) {
        return switch (outcome.reason()) {
            case "import.badCrmId", "import.duplicateId" -> "crmId";
            case "import.badName" -> "name";
            case "import.badCountry" -> "country";
            case "import.badDomain" -> "domains";
            case "import.unknownOwner" -> "ownerEmail";
            default -> null;
        };
    }

    private static long countLines(byte[] body) {
        long lines = 0;
        for (byte b : body) {
            if (b == '\n') {
                lines++;
            }
        }
        return body.length > 0 && body[body.length - 1] != '\n' ? lines + 1 : lines;
    }
}
