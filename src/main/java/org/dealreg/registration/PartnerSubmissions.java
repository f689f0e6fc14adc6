package org.dealreg.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
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
     * @throws RegistrationActionRefused when the rules refuse it (see the registration's page): nothing is stored
     */
    void requestExtension(CurrentUser partnerUser, UUID id, int versionSeen, String reason);

    /**
     * Closes an approved registration as won on {@code closedOn}, at the rate in force that day.
     *
     * @throws RegistrationActionRefused when it is not approved or changed since {@code versionSeen}
     * @throws RuntimeException naming the broken rules, as the close form would show them; nothing is stored
     */
    void closeWon(CurrentUser partnerUser, UUID id, int versionSeen, BigDecimal amount, String currency, LocalDate closedOn);

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
