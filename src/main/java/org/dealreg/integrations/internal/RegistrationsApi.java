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
import org.dealreg.shared.NotFound;
import org.dealreg.shared.RulesBroken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A partner's system registers and follows the company's deals (docs/api.md): the same service, rules, conflict
 * check and encryption as the form, acting as the partner admin who holds the client. Another company's id is a 404.
 * Each operation names the errors it answers besides 401 and 403 ({@link ApiDocumentation} adds those, and the
 * problem document of each).
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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a deal", description = "Every rule of the registration form applies. With an "
            + "Idempotency-Key header, the same key and body answer the first result again and store nothing new.")
    @ApiResponse(responseCode = "201", description = "Registered (or registered by the first request with this key)",
            headers = @Header(name = "Location", required = true, description = "The registration's address",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "409", description = "The company already registered this customer "
            + "(existingRegistration), or the first request with this Idempotency-Key is still being answered")
    @ApiResponse(responseCode = "422", description = "A rule of the form is broken (errors), or the "
            + "Idempotency-Key was used with another body")
    ResponseEntity<ApiRegistration> submit(@AuthenticationPrincipal CurrentUser partner,
            @RequestBody DealToRegister deal,
            @Parameter(description = "Any unique text, at most 200 characters",
                    schema = @Schema(minLength = 1, maxLength = 200))
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
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
    @ApiResponse(responseCode = "200", description = "A page of registrations")
    @ApiResponse(responseCode = "400", description = "A parameter is not of its type (errors)")
    @ApiResponse(responseCode = "422", description = "The limit is out of range, or the cursor was not given by the "
            + "API (errors)")
    ApiRegistration.Page list(@AuthenticationPrincipal CurrentUser partner,
            @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) Instant updatedSince,
            @RequestParam(required = false) String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw RulesBroken.on("limit", "api.limit.range", 1, MAX_LIMIT);
        }
        Changes changes = registrations.changes(partner, status, updatedSince, Cursors.decode(cursor), size);
        return new ApiRegistration.Page(changes.registrations().stream().map(ApiRegistration::of).toList(),
                Cursors.encode(changes.next()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One registration of the company")
    @ApiResponse(responseCode = "200", description = "The registration")
    @ApiResponse(responseCode = "404", description = "The company has no registration with this id")
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
    @ApiResponse(responseCode = "200", description = "The registration, withdrawn")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "404", description = "The company has no registration with this id")
    @ApiResponse(responseCode = "409", description = "Decided, or changed since the version sent (currentStatus)")
    ApiRegistration withdraw(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody(required = false) Action action,
            @Parameter(description = "Any unique text, at most 200 characters: the same key and body again answer "
                    + "the registration as it is now and change nothing", schema = @Schema(minLength = 1, maxLength = 200))
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID registration = NotFound.id(id, "Registration");
        idempotency.once(idempotencyKey, "POST /api/v1/registrations/" + registration + "/withdrawal",
                action == null ? new Action(null) : action, () -> {
                    registrations.withdraw(partner, registration, versionSeen(partner, registration,
                            action == null ? null : action.version()));
                    return registration;
                });
        return read(partner, id);
    }

    @PostMapping(path = "/{id}/extension-requests", consumes = "application/json")
    @Operation(summary = "Ask for more protection on an approved registration, with a reason")
    @ApiResponse(responseCode = "200", description = "The registration, with the request among its extensions")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "404", description = "The company has no registration with this id")
    @ApiResponse(responseCode = "409", description = "The rules refuse it now: no reason, not approved, a request "
            + "already open, no extension left, or changed since the version sent")
    ApiRegistration requestExtension(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody ExtensionAsked asked,
            @Parameter(description = "Any unique text, at most 200 characters: the same key and body again answer "
                    + "the registration as it is now and change nothing", schema = @Schema(minLength = 1, maxLength = 200))
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID registration = NotFound.id(id, "Registration");
        idempotency.once(idempotencyKey, "POST /api/v1/registrations/" + registration + "/extension-requests", asked,
                () -> {
                    registrations.requestExtension(partner, registration,
                            versionSeen(partner, registration, asked.version()), asked.reason());
                    return registration;
                });
        return read(partner, id);
    }

    @PostMapping(path = "/{id}/closure", consumes = "application/json")
    @Operation(summary = "Close an approved registration, won (amount, currency, day) or lost (reason)")
    @ApiResponse(responseCode = "200", description = "The registration, closed")
    @ApiResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @ApiResponse(responseCode = "404", description = "The company has no registration with this id")
    @ApiResponse(responseCode = "409", description = "Not approved, or changed since the version sent")
    @ApiResponse(responseCode = "422", description = "A rule of the close form is broken (errors)")
    ApiRegistration close(@AuthenticationPrincipal CurrentUser partner, @PathVariable String id,
            @RequestBody Close close,
            @Parameter(description = "Any unique text, at most 200 characters: the same key and body again answer "
                    + "the registration as it is now and change nothing", schema = @Schema(minLength = 1, maxLength = 200))
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID registration = NotFound.id(id, "Registration");
        idempotency.once(idempotencyKey, "POST /api/v1/registrations/" + registration + "/closure", close, () -> {
            registrations.close(partner, registration, new Closing(close.outcome(), close.amount(), close.currency(),
                    close.closedOn(), close.lostReason(), versionSeen(partner, registration, close.version())));
            return registration;
        });
        return read(partner, id);
    }

    /** The version the caller read, or the current one when it sent none. */
    private int versionSeen(CurrentUser partner, UUID id, Integer sent) {
        return sent != null ? sent : registrations.find(partner, id).version();
    }
}
