package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dealreg.identity.CurrentUser;

/**
 * A partner user's registrations without the browser, for loaders such as the demo's history: the same rules,
 * conflict check, receipt and encryption as the registration form. Joins the caller's transaction when it has one.
 */
public interface PartnerSubmissions {

    /**
     * Registers the deal for the user's company.
     *
     * @return the new registration's id
     * @throws RuntimeException naming the broken rules, as the form would show them; nothing is stored
     */
    UUID submit(CurrentUser partnerUser, DealToRegister deal);

    /** @throws AlreadyDecided when it was decided or changed since {@code versionSeen}: nothing is changed */
    void withdraw(CurrentUser partnerUser, UUID id, int versionSeen);

    /**
     * Asks for more protection on an approved registration, with a reason.
     *
     * @throws org.dealreg.shared.RulesBroken when the rules refuse it (see the registration's page): nothing is stored
     */
    void requestExtension(CurrentUser partnerUser, UUID id, int versionSeen, String reason);

    /**
     * Closes an approved registration as won on {@code closedOn}, at the rate in force that day.
     *
     * @throws org.dealreg.shared.RulesBroken when it is not approved or changed since {@code versionSeen}
     * @throws RuntimeException naming the broken rules, as the close form would show them; nothing is stored
     */
    void closeWon(CurrentUser partnerUser, UUID id, int versionSeen, BigDecimal amount, String currency, LocalDate closedOn);

    /**
     * Closes an approved registration: won (final amount, currency, day) or lost (why), with the close form's rules.
     *
     * @throws org.dealreg.shared.RulesBroken naming the broken rules per field; nothing is stored
     * @throws org.dealreg.shared.RulesBroken when it is not approved or changed since {@code versionSeen}
     */
    void close(CurrentUser partnerUser, UUID id, Closing closing);

    /** What the close form holds: outcome WON or LOST, and what each needs. */
    record Closing(String outcome, BigDecimal amount, String currency, LocalDate closedOn, String lostReason,
            int versionSeen) {
    }

    /** One of the company's registrations, decrypted. @throws org.dealreg.shared.NotFound for another company's */
    DealDetails find(CurrentUser partnerUser, UUID id);

    /**
     * The company's registrations that changed at or after {@code since} (null: all), oldest change first, after the
     * {@code after} mark (null: from the start), at most {@code limit}; {@code status} null means every status. The
     * staff views are left out (empty). {@code next} is where the following page starts, null after the last.
     */
    Changes changes(CurrentUser partnerUser, RegistrationStatus status, Instant since, ChangeMark after, int limit);

    record Changes(List<DealDetails> registrations, ChangeMark next) {
    }

    /** What the partner types in the registration form. */
    record DealToRegister(String customerName, String customerWebsite, String customerCountry, String customerCity,
            String contactName, String contactEmail, String contactPhone, String title, String description,
            String specialization, BigDecimal amount, String currency, LocalDate expectedCloseDate,
            String competitors) {

        @Override
        public String toString() {
            return "DealToRegister[" + customerCountry + ", " + amount + " " + currency + "]";
        }
    }
}
