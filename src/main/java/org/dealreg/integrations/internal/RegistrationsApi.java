package org.dealreg.integrations.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;
import org.dealreg.registration.DealDetails;
import org.dealreg.registration.PartnerSubmissions;
import org.dealreg.registration.PartnerSubmissions.Changes;
import org.dealreg.registration.PartnerSubmissions.Closing;
import org.dealreg.registration.PartnerSubmissions.DealToRegister;
import org.dealreg.registration.RegistrationStatus;
import org.dealreg.shared.FieldProblem;
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A partner's system registers and follows the company's deals (docs/api.md): the same service, rules, conflict
 * check and encryption as the form, acting as the partner admin who holds the client. Another company's id is a 404.
 */
@RestController
@RequestMapping(path = "/api/v1/registrations", produces = "application/json")
@Tag(name = "Registrations", description = "A partner's own deal registrations")
class RegistrationsApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final PartnerSubmissions registrations;
    private final Idempotency idempotency;

    RegistrationsApi(PartnerSubmissions registrations, Idempotency idempotency) {
        this.registrations = registrations;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a deal", description = "Every rule of the registration form applies. With an "
            + "Idempotency-Key header, the same key and body answer the first result again and store nothing new.")
    ResponseEntity<ApiRegistration> submit(@AuthenticationPrincipal CurrentUser partner,
            @RequestBody DealToRegister deal,
            @io.swagger.v3.oas.annotations.Parameter(description = "Any unique text, at most 200 characters")
            @org.springframework.web.bind.annotation.RequestHeader(name = "Idempotency-Key", required = false)
            String idempotencyKey) {
        UUID id = idempotency.once(idempotencyKey, "POST /api/v1/registrations", deal,
                () -> registrations.submit(partner, deal));
        return ResponseEntity.created(URI.create("/api/v1/registrations/" + id))
                .body(ApiRegistration.of(registrations.find(partner, id)));
    }

    @GetMapping
    @Operation(summary = "The company's registrations, oldest change first",
            description = "Filter by status and by the time of their last change (inclusive). Follow nextCursor "
                    + "until it is null. A change commits after its time is taken: to catch every one, ask again "
                    + "from a minute before the latest change seen.")
    ApiRegistration.Page list(@AuthenticationPrincipal CurrentUser partner,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) Instant updatedSince,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new RulesBroken(java.util.List.of(FieldProblem.on("limit", "api.limit.range", 1, MAX_LIMIT)));
        }
        Changes changes = registrations.changes(partner, status, updatedSince, Cursors.decode(cursor), size);
        return new ApiRegistration.Page(changes.registrations().stream().map(ApiRegistration::of).toList(),
                Cursors.encode(changes.next()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One registration of the company")
    ApiRegistration read(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id) {
        return ApiRegistration.of(registrations.find(partner, NotFound.id(id, "Registration")));
    }

    /** What an action may send: the version read, to act only if nothing changed since (optional). */
    record Action(Integer version) {
    }

    record ExtensionAsked(String reason, Integer version) {
    }

    record Close(String outcome, BigDecimal amount, String currency, LocalDate closedOn, String lostReason,
            Integer version) {
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = "application/json")
    @Operation(summary = "Withdraw a registration the vendor has not decided yet")
    ApiRegistration withdraw(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody(required = false) Action action) {
        UUID registration = NotFound.id(id, "Registration");
        registrations.withdraw(partner, registration, versionSeen(partner, registration,
                action == null ? null : action.version()));
        return read(partner, id);
    }

    @PostMapping(path = "/{id}/extension-requests", consumes = "application/json")
    @Operation(summary = "Ask for more protection on an approved registration, with a reason")
    ApiRegistration requestExtension(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody ExtensionAsked asked) {
        UUID registration = NotFound.id(id, "Registration");
        registrations.requestExtension(partner, registration, versionSeen(partner, registration, asked.version()),
                asked.reason());
        return read(partner, id);
    }

    @PostMapping(path = "/{id}/closure", consumes = "application/json")
    @Operation(summary = "Close an approved registration, won (amount, currency, day) or lost (reason)")
    ApiRegistration close(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody Close close) {
        UUID registration = NotFound.id(id, "Registration");
        registrations.close(partner, registration, new Closing(close.outcome(), close.amount(), close.currency(),
                close.closedOn(), close.lostReason(), versionSeen(partner, registration, close.version())));
        return read(partner, id);
    }

    /** The version the caller read, or the current one when it sent none. */
    private int versionSeen(CurrentUser partner, UUID id, Integer sent) {
        return sent != null ? sent : registrations.find(partner, id).version();
    }
}
